// The consent option over real HTTP: the domain setting (GET|PUT scan-settings `consent`), its default on new
// scans, the per-scan override on POST /scans, validation, tenant isolation, and a recorded consent report
// read back through GET /scans/{id} (the real consent scan runs in e2e/consent.spec.ts and
// test/scanner-checks/consent.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_START_TIMEOUT, seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recordScanResults } from "@/lib/services/scans/record-scan-results";
import { settleScan } from "@/lib/services/scans/settle-scan";
import type { ScanResult } from "@/lib/scanner/types";
import { api, seedDomain } from "./scans-support";

interface Seeded {
  a: SeededOrg;
  b: SeededOrg;
  domainId: string;
  scanId: string;
}

const ORIGIN = "https://consent.example.test";
const NOW = new Date().toISOString();
const RESULT: ScanResult = {
  target: `${ORIGIN}/`,
  started_at: NOW,
  finished_at: NOW,
  pages: [{ url: `${ORIGIN}/`, status: 200 }],
  scores: { privacy: 50 },
  score: 50,
  grade: "C",
  findings: [],
  checks: [],
  timings: { consentMs: 2_000 },
  consent: {
    ms: 2_000,
    pages: [
      {
        url: `${ORIGIN}/`,
        cmp: "Onetrust",
        before: { cookies: [{ name: "_fbp", domain: ".consent.example.test", thirdParty: false }], hosts: [{ host: "connect.facebook.net", thirdParty: true, requests: 1 }] },
        accept: { done: true, via: "autoconsent", added: { cookies: [], hosts: [{ host: "static.hotjar.com", thirdParty: true, requests: 2 }] } },
        reject: { done: true, offered: true, added: { cookies: [{ name: "_ga", domain: ".consent.example.test", thirdParty: false }], hosts: [] } },
      },
    ],
  },
};

let server: TestServer<Seeded>;

beforeAll(async () => {
  server = await startServer<Seeded>({
    env: { PLUMB_JOBS_CRON: "off" },
    // The first request opens and migrates the database; on a busy shared machine that can take minutes.
    readyTimeoutMs: 240_000,
    seed: async (db) => {
      const a = await seedOrg(db, { scopes: "all" });
      const b = await seedOrg(db, { scopes: "all" });
      const domainId = await seedDomain(db, a.orgId, ORIGIN);
      // A scan with consent whose results are recorded through the scan job's own service.
      const { scan } = await db.$transaction((tx) => createScanInTx(tx, { orgId: a.orgId, userId: null, apiKeyId: null, requestId: null }, { domainId, pillars: ["privacy"], consent: true }));
      await markScanRunning({ scanId: scan.id }, db);
      const recorded = await recordScanResults({ scanId: scan.id, result: RESULT }, db);
      await settleScan({ scanId: scan.id, erroredRules: recorded.erroredRules }, db);
      return { a, b, domainId, scanId: scan.id };
    },
  });
}, SERVER_START_TIMEOUT);

afterAll(async () => {
  await server?.stop();
});

describe("consent option", { timeout: 120_000 }, () => {
  it("is off by default, follows the domain setting and can be set per scan", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const settings = `/api/v1/domains/${server.seeded.domainId}/scan-settings`;
    expect((await a<{ consent: boolean }>("GET", settings)).body.data?.consent).toBe(false);
    const off = await a<{ scan: { consent: boolean } }>("POST", "/api/v1/scans", { domain_id: server.seeded.domainId, pillars: ["privacy"] });
    expect(off.status).toBe(202);
    expect(off.body.data?.scan.consent).toBe(false);

    expect((await a<{ consent: boolean }>("PUT", settings, { consent: true })).body.data?.consent).toBe(true);
    const on = await a<{ scan: { consent: boolean } }>("POST", "/api/v1/scans", { domain_id: server.seeded.domainId, pillars: ["privacy"] });
    expect(on.body.data?.scan.consent).toBe(true);
    const overridden = await a<{ scan: { consent: boolean } }>("POST", "/api/v1/scans", { domain_id: server.seeded.domainId, pillars: ["privacy"], consent: false });
    expect(overridden.body.data?.scan.consent).toBe(false);

    const bad = await a("POST", "/api/v1/scans", { domain_id: server.seeded.domainId, consent: "yes" });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.code).toBe("invalid_params");
    expect((await a("PUT", settings, { consent: 1 })).status).toBe(422);
    const b = api(server.baseUrl, server.seeded.b.apiKey);
    expect((await b("PUT", settings, { consent: false })).status).toBe(404);
    expect((await a<{ consent: boolean }>("GET", settings)).body.data?.consent).toBe(true);
  });

  it("returns the recorded before/after lists with the scan, and nothing for another organization", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const scanId = server.seeded.scanId;
    const detail = await a<{ consent: boolean; consent_report: Record<string, unknown> | null }>("GET", `/api/v1/scans/${scanId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.data?.consent).toBe(true);
    expect(detail.body.data?.consent_report).toEqual({
      ms: 2_000,
      pages: [
        {
          url: `${ORIGIN}/`,
          cmp: "Onetrust",
          before: { cookies: [{ name: "_fbp", domain: ".consent.example.test", third_party: false }], hosts: [{ host: "connect.facebook.net", third_party: true, requests: 1 }] },
          accept: { done: true, error: null, added: { cookies: [], hosts: [{ host: "static.hotjar.com", third_party: true, requests: 2 }] } },
          reject: { done: true, offered: true, error: null, added: { cookies: [{ name: "_ga", domain: ".consent.example.test", third_party: false }], hosts: [] } },
        },
      ],
    });
    const b = api(server.baseUrl, server.seeded.b.apiKey);
    expect((await b("GET", `/api/v1/scans/${scanId}`)).status).toBe(404);
  });
});
