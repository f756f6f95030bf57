// Cloudflare through the `cloudflare` SDK against the local Cloudflare API, over the SSRF guard.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { ProviderError } from "@/lib/integrations/provider";
import { cloudflareProvider } from "@/lib/integrations/providers/cloudflare/cloudflare-provider";
import { applyZoneFix, readZoneSecurity } from "@/lib/integrations/providers/cloudflare/zone-security";
import { cloudflareInstructionFor } from "@/lib/integrations/providers/cloudflare/fix-instructions";
import { startCloudflareServer, type CloudflareServer } from "@/test/support/providers/cloudflare-server";
import { testProviderContext } from "@/test/support/providers/provider-context";

let cf: CloudflareServer;
let zoneId: string;
const READ = ["Zone Read", "Zone Settings Read", "Bot Management Read"];

beforeAll(async () => {
  cf = await startCloudflareServer();
  zoneId = cf.addZone("example.com");
  for (let i = 0; i < 7; i++) cf.addZone(`other-${i}.test`);
  cf.addToken("cf-read-only-token", { permissions: READ, canReadItself: true });
  cf.addToken("cf-write-token", { permissions: [...READ, "Zone Settings Write"], canReadItself: true });
  cf.addToken("cf-opaque-token", { permissions: [...READ, "Zone Settings Write"] });
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = cf.host;
  resetEnv();
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  await cf?.close();
});

const ctx = (token: string) => testProviderContext({ apiBaseUrl: cf.apiBaseUrl, credential: { type: "token", token }, config: {} });

describe("Cloudflare", () => {
  it("connects: verifies the token and lists its zones", async () => {
    const r = await cloudflareProvider.testConnection(ctx("cf-read-only-token"));
    expect(r.account).toMatch(/\(active\)$/);
    expect(r.target).toMatch(/^8 zones: example\.com/);
    expect(cf.requests.some((q) => q.path === "/client/v4/user/tokens/verify" && q.headers.authorization === "Bearer cf-read-only-token")).toBe(true);
  });

  it("reads the zone of a subdomain's registrable domain and its security settings", async () => {
    const z = await readZoneSecurity(ctx("cf-read-only-token"), "www.example.com");
    expect(z).toMatchObject({ zoneId, zoneName: "example.com", sslMode: "flexible", minTlsVersion: "1.0", alwaysUseHttps: false, automaticHttpsRewrites: true, waf: false, botFightMode: false, canEditSettings: false });
    expect(z!.hsts).toMatchObject({ enabled: false, maxAge: 0 });
    expect(await readZoneSecurity(ctx("cf-read-only-token"), "not-on-cloudflare.org")).toBeNull();
    expect(cloudflareInstructionFor("hsts-missing")!.alreadySet(z!)).toBe(false);
    expect(cloudflareInstructionFor("mixed-content")!.alreadySet(z!)).toBe(true);
  });

  it("applies HSTS and Always Use HTTPS with a token that may edit zone settings; refuses in plain words without", async () => {
    expect((await readZoneSecurity(ctx("cf-write-token"), "example.com"))!.canEditSettings).toBe(true);
    // A token that cannot read its own policies: permission unknown, the apply decides.
    expect((await readZoneSecurity(ctx("cf-opaque-token"), "example.com"))!.canEditSettings).toBeNull();

    const denied = (await applyZoneFix(ctx("cf-read-only-token"), zoneId, "hsts").catch((e: unknown) => e)) as ProviderError;
    expect(denied.kind).toBe("forbidden");
    expect(denied.message).toMatch(/lacks a permission/);

    await applyZoneFix(ctx("cf-write-token"), zoneId, "hsts");
    await applyZoneFix(ctx("cf-opaque-token"), zoneId, "always_use_https");
    const after = (await readZoneSecurity(ctx("cf-write-token"), "example.com"))!;
    expect(after.hsts).toMatchObject({ enabled: true, maxAge: 31_536_000, includeSubdomains: true, preload: false });
    expect(after.alwaysUseHttps).toBe(true);
    expect(cloudflareInstructionFor("hsts-missing")!.alreadySet(after)).toBe(true);
  });

  it("reports a revoked token, retries a 5xx and reports a lasting 429 with its Retry-After", async () => {
    cf.addToken("cf-revoked", { permissions: READ });
    cf.revoke("cf-revoked");
    const e401 = (await cloudflareProvider.testConnection(ctx("cf-revoked")).catch((e: unknown) => e)) as ProviderError;
    expect(e401.kind).toBe("unauthorized");
    expect(e401.message).toMatch(/revoked or has expired/);

    cf.fail({ pathIncludes: "/user/tokens/verify", reply: { status: 503, body: { success: false, errors: [{ code: 10000, message: "Service unavailable" }], messages: [], result: null } } });
    const before = cf.requests.length;
    expect((await cloudflareProvider.testConnection(ctx("cf-read-only-token"))).account).toMatch(/active/);
    expect(cf.requests.slice(before).filter((r) => r.path.endsWith("/verify"))).toHaveLength(2);

    const limited = { pathIncludes: "/user/tokens/verify", reply: { status: 429, headers: { "retry-after": "300" }, body: { success: false, errors: [{ code: 971, message: "Please wait and consider throttling your request speed" }], messages: [], result: null } } };
    cf.fail(limited);
    const e429 = (await cloudflareProvider.testConnection(ctx("cf-read-only-token")).catch((e: unknown) => e)) as ProviderError;
    expect(e429.kind).toBe("rate_limited");
    expect(e429.details.retryAfterMs).toBeGreaterThan(290_000);
  });
});
