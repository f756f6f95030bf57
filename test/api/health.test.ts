import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer, SERVER_START_TIMEOUT } from "@/test/support/server";

describe("GET /api/v1/health", () => {
  let server: TestServer<undefined>;
  beforeAll(async () => {
    server = await startServer();
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

  it("reports the database, the job engine mode and the version in the envelope", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.error).toBeNull();
    expect(body.data).toMatchObject({ status: "ok", db: "ok", jobs: "embedded", version: expect.any(String) });
    expect(["pglite", "postgres"]).toContain(body.data.database);
    expect(body.meta.request_id).toMatch(/^req_/);
    expect(res.headers.get("x-request-id")).toBe(body.meta.request_id);
  });

  it("answers unknown API paths without a stack trace", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/health`, { method: "POST" });
    expect(res.status).toBe(405);
  });
});
