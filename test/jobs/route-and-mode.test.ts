import { afterEach, describe, expect, it, vi } from "vitest";
import { jobMode } from "@/lib/jobs/mode";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("job mode", () => {
  it("is embedded by default, Inngest with an event key or INNGEST_DEV, and refuses a lone signing key", () => {
    expect(jobMode({})).toBe("embedded");
    expect(jobMode({ INNGEST_DEV: "1" })).toBe("inngest");
    expect(jobMode({ INNGEST_DEV: "0", INNGEST_EVENT_KEY: "k" })).toBe("inngest");
    expect(jobMode({ INNGEST_EVENT_KEY: "  " })).toBe("embedded");
    expect(() => jobMode({ INNGEST_SIGNING_KEY: "signkey-prod-abc" })).toThrow(/INNGEST_EVENT_KEY/);
  });
});

describe("/api/inngest", () => {
  it("is not served in embedded mode (the client is unsigned there)", async () => {
    vi.stubEnv("INNGEST_DEV", "");
    vi.stubEnv("INNGEST_EVENT_KEY", "");
    const route = await import("@/app/api/inngest/route");
    const res = await route.POST(new Request("http://x/api/inngest?fnId=plumb-purge-expired-idempotency-keys&stepId=step", { method: "POST", body: "{}" }) as never, undefined);
    expect(res.status).toBe(404);
  });

  it("serves the functions in Inngest dev mode", async () => {
    vi.stubEnv("INNGEST_DEV", "1");
    const route = await import("@/app/api/inngest/route");
    const res = await route.GET(new Request("http://localhost:3000/api/inngest") as never, undefined);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { function_count: number; mode: string };
    expect(body.mode).toBe("dev");
    expect(body.function_count).toBeGreaterThanOrEqual(1);
  });
});
