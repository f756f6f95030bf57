// Device profiles over real HTTP: `devices` on POST /scans and in the domain's scan settings (validated, stored
// on the scan, no extra credit), then a real two-device scan through the job engine against the device
// fixture, whose device-tagged findings come back on GET /scans/{id}.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_START_TIMEOUT, seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { api, seedDomain, until } from "./scans-support";

interface Seeded {
  a: SeededOrg;
  b: SeededOrg;
  domainId: string;
}

interface ScanBody {
  id: string;
  status: string;
  error: string | null;
  devices: string[];
  pillars: string[];
  credits_reserved: number;
}

let site: FixtureServer;
let server: TestServer<Seeded>;

beforeAll(async () => {
  site = await startFixtureServer({ root: path.resolve("test/scanner/fixtures/devices") });
  server = await startServer<Seeded>({
    env: { PLUMB_JOBS_CRON: "off" },
    privateTargets: [site.origin],
    seed: async (db) => {
      const a = await seedOrg(db, { scopes: "all" });
      const b = await seedOrg(db, { scopes: "all" });
      return { a, b, domainId: await seedDomain(db, a.orgId, site.origin) };
    },
  });
}, SERVER_START_TIMEOUT);

afterAll(async () => {
  await server?.stop();
  await site?.close();
});

describe("scan devices", { timeout: 240_000 }, () => {
  it("refuses bad device lists with 422 and the zod issues", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    for (const devices of [["tablet"], [], ["mobile", "mobile"], "mobile", [1], ["mobile", "desktop", "mobile"]]) {
      const res = await a("POST", "/api/v1/scans", { domain_id: server.seeded.domainId, pillars: ["seo"], devices });
      expect(res.status, JSON.stringify(devices)).toBe(422);
      expect(res.body.error?.code).toBe("invalid_params");
    }
    const settings = `/api/v1/domains/${server.seeded.domainId}/scan-settings`;
    for (const devices of [["phone"], [], null]) {
      const res = await a("PUT", settings, { devices });
      expect(res.status, JSON.stringify(devices)).toBe(422);
      expect(res.body.error?.code).toBe("invalid_params");
    }
  });

  it("defaults to mobile, takes the domain's setting, and charges per pillar only", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const settings = `/api/v1/domains/${server.seeded.domainId}/scan-settings`;
    expect((await a<{ devices: string[] }>("GET", settings)).body.data.devices).toEqual(["mobile"]);
    const one = await a<{ scan: ScanBody }>("POST", "/api/v1/scans", { domain_id: server.seeded.domainId, pillars: ["seo"] });
    expect(one.status).toBe(202);
    expect(one.body.data.scan.devices).toEqual(["mobile"]);
    expect(one.body.data.scan.credits_reserved).toBe(1);
    await a("POST", `/api/v1/scans/${one.body.data.scan.id}/cancel`);

    const put = await a<{ devices: string[] }>("PUT", settings, { devices: ["desktop", "mobile"] });
    expect(put.status).toBe(200);
    expect(put.body.data.devices).toEqual(["mobile", "desktop"]);
    const fromSettings = await a<{ scan: ScanBody }>("POST", "/api/v1/scans", { domain_id: server.seeded.domainId, pillars: ["seo"] });
    expect(fromSettings.body.data.scan.devices).toEqual(["mobile", "desktop"]);
    expect(fromSettings.body.data.scan.credits_reserved).toBe(1);
    await a("POST", `/api/v1/scans/${fromSettings.body.data.scan.id}/cancel`);

    const explicit = await a<{ scan: ScanBody }>("POST", "/api/v1/scans", { domain_id: server.seeded.domainId, pillars: ["seo"], devices: ["desktop"] });
    expect(explicit.body.data.scan.devices).toEqual(["desktop"]);
    const got = await a<ScanBody>("GET", `/api/v1/scans/${explicit.body.data.scan.id}`);
    expect(got.body.data.devices).toEqual(["desktop"]);
    await a("POST", `/api/v1/scans/${explicit.body.data.scan.id}/cancel`);
    expect((await a<{ devices: string[] }>("PUT", settings, { devices: ["mobile"] })).body.data.devices).toEqual(["mobile"]);
  });

  it("keeps another organization out of the domain's settings", async () => {
    const b = api(server.baseUrl, server.seeded.b.apiKey);
    expect((await b("PUT", `/api/v1/domains/${server.seeded.domainId}/scan-settings`, { devices: ["desktop"] })).status).toBe(404);
  });

  it("runs both devices and returns the findings that differ by device, tagged", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const created = await a<{ scan: ScanBody }>("POST", "/api/v1/scans", {
      domain_id: server.seeded.domainId, max_pages: 1, pillars: ["seo", "performance", "security"], devices: ["mobile", "desktop"],
    });
    expect(created.status).toBe(202);
    const id = created.body.data.scan.id;
    const scan = await until(`scan ${id}`, async () => {
      const got = await a<ScanBody & { findings: { id: string; rule: string; pillar: string }[]; device_findings: { finding_id: string; devices: string[] }[] }>("GET", `/api/v1/scans/${id}`);
      return ["succeeded", "failed", "canceled"].includes(got.body.data.status) ? got.body.data : null;
    }, 220_000, 500);
    expect(scan.error).toBeNull();
    expect(scan.status).toBe("succeeded");
    const tags = new Map(scan.device_findings.map((d) => [scan.findings.find((f) => f.id === d.finding_id)?.rule, d.devices]));
    expect(tags.get("seo-tap-targets")).toEqual(["mobile"]);
    expect(tags.get("seo-content-width")).toEqual(["mobile"]);
    expect(tags.get("perf-cls")).toEqual(["desktop"]);
    const security = scan.findings.filter((f) => f.pillar === "security");
    expect(security.length).toBeGreaterThan(0);
    for (const f of security) expect(scan.device_findings.some((d) => d.finding_id === f.id)).toBe(false);
  });
});
