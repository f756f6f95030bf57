// Reports over real HTTP against the production server: scan a fixture site through the job engine, create a
// report (idempotent), wait for its export, download every format, other organizations get 404, scopes are
// enforced, a not-ready export answers 409 and an expired one 410; the JSON Schema and the rules page are public.
import fs from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { api, copyFixtureSite, seedDomain, until } from "./scans-support";

interface Seeded {
  a: SeededOrg;
  b: SeededOrg;
  readOnly: string;
  scansOnly: string;
  domainId: string;
  expiredReportId: string;
}
interface ExportJson {
  id: string;
  format: string;
  status: string;
  progress: number;
  size_bytes: number | null;
  expires_at: string | null;
  download_url: string | null;
}
interface ReportJson {
  id: string;
  kind: string;
  format: string | null;
  status: string | null;
  export: ExportJson | null;
  exports: ExportJson[];
  page_url: string;
}

let siteDir: string;
let site: FixtureServer;
let server: TestServer<Seeded>;
let scanId: string;

beforeAll(async () => {
  siteDir = copyFixtureSite("clean");
  site = await startFixtureServer({ root: siteDir });
  server = await startServer<Seeded>({
    env: { PLUMB_JOBS_CRON: "off" },
    privateTargets: [site.origin],
    seed: async (db) => {
      const a = await seedOrg(db, { scopes: "all" });
      const b = await seedOrg(db, { scopes: "all" });
      const domainId = await seedDomain(db, a.orgId, site.origin);
      // An export that expired yesterday, with a file that was never purged: the download must say 410.
      const scan = await db.scan.create({ data: { organizationId: a.orgId, domainId, status: "succeeded", pillars: ["seo"], finishedAt: new Date() } });
      const report = await db.report.create({ data: { organizationId: a.orgId, domainId, scanId: scan.id, title: "Old", sections: [] } });
      await db.storedFile.create({ data: { key: "exports/old/file.csv", content: new Uint8Array([65]), contentType: "text/csv", sizeBytes: 1 } });
      await db.reportExport.create({
        data: { organizationId: a.orgId, reportId: report.id, scanId: scan.id, format: "csv", status: "succeeded", storageKey: "db:exports/old/file.csv", expiresAt: new Date(Date.now() - 86_400_000), sizeBytes: 1 },
      });
      return { a, b, domainId, expiredReportId: report.id, readOnly: await seedApiKey(db, a.orgId, ["reports:read"]), scansOnly: await seedApiKey(db, a.orgId, ["scans:read", "scans:write"]) };
    },
  });
  const a = api(server.baseUrl, server.seeded.a.apiKey);
  const created = await a<{ scan: { id: string } }>("POST", "/api/v1/scans", { domain_id: server.seeded.domainId, max_pages: 3 });
  expect(created.status).toBe(202);
  scanId = created.body.data.scan.id;
  await until(`scan ${scanId}`, async () => {
    const got = await a<{ status: string }>("GET", `/api/v1/scans/${scanId}`);
    return ["succeeded", "failed", "canceled"].includes(got.body.data.status) ? got.body.data : null;
  }, 170_000, 500);
}, 1_500_000);

afterAll(async () => {
  await server?.stop();
  await site?.close();
  if (siteDir) fs.rmSync(siteDir, { recursive: true, force: true });
});

async function waitReady(reportId: string, exportId: string): Promise<ExportJson> {
  const a = api(server.baseUrl, server.seeded.a.apiKey);
  return until(`export ${exportId}`, async () => {
    const got = await a<ReportJson>("GET", `/api/v1/reports/${reportId}`);
    const e = got.body.data.exports.find((x) => x.id === exportId);
    if (e?.status === "failed") throw new Error(`export failed: ${JSON.stringify(e)}`);
    return e?.status === "succeeded" ? e : null;
  }, 170_000, 500);
}

describe("reports API", { timeout: 300_000 }, () => {
  let reportId: string;

  it("creates a report idempotently and exports it as PDF in the background", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const body = { scan_id: scanId, format: "pdf", title: "Quarterly audit" };
    const first = await a<ReportJson>("POST", "/api/v1/reports", body, { "Idempotency-Key": "report-1" });
    expect(first.status, JSON.stringify(first.body.error)).toBe(202);
    expect(first.body.data).toMatchObject({ kind: "scan", format: "pdf" });
    expect(["queued", "running", "succeeded"]).toContain(first.body.data.status);
    expect(first.body.data.export?.expires_at).toBeTruthy();
    const again = await a<ReportJson>("POST", "/api/v1/reports", body, { "Idempotency-Key": "report-1" });
    expect(again.status).toBe(202);
    expect(again.body.data.id).toBe(first.body.data.id);
    reportId = first.body.data.id;
    const list = await a<ReportJson[]>("GET", "/api/v1/reports?limit=100");
    expect(list.body.data.filter((r) => r.id === reportId)).toHaveLength(1);

    const ready = await waitReady(reportId, first.body.data.export!.id);
    expect(ready.size_bytes).toBeGreaterThan(1000);
    expect(ready.download_url).toBe(`/api/v1/reports/${reportId}/download?export_id=${ready.id}`);
    const res = await fetch(`${server.baseUrl}${ready.download_url}`, { headers: { Authorization: `Bearer ${server.seeded.a.apiKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="plumb-report-.+\.pdf"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBe(ready.size_bytes);
  });

  it("exports the same report as CSV, JSON, SARIF and Markdown", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const schema = await fetch(`${server.baseUrl}/api/v1/schemas/report.json`);
    expect(schema.status).toBe(200);
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile((await schema.json()) as object);
    for (const format of ["csv", "json", "sarif", "markdown"]) {
      const created = await a<ReportJson>("POST", `/api/v1/reports/${reportId}/exports`, { format });
      expect(created.status).toBe(202);
      expect(created.body.data.format).toBe(format);
      await waitReady(reportId, created.body.data.export!.id);
      const res = await fetch(`${server.baseUrl}/api/v1/reports/${reportId}/download?format=${format}`, { headers: { Authorization: `Bearer ${server.seeded.a.apiKey}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      if (format === "csv") expect(text.startsWith("finding_id,fingerprint,pillar,rule,severity,status,title,page_url")).toBe(true);
      if (format === "json") expect(validate(JSON.parse(text)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      if (format === "sarif") expect((JSON.parse(text) as { version: string }).version).toBe("2.1.0");
      if (format === "markdown") expect(text.startsWith("---\nformat: security-fix/v1")).toBe(true);
    }
    const got = await a<ReportJson>("GET", `/api/v1/reports/${reportId}`);
    expect(got.body.data.exports).toHaveLength(5);
  });

  it("answers 409 export_not_ready for a queued export and 410 for an expired one", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const created = await a<ReportJson>("POST", `/api/v1/reports/${reportId}/exports`, { format: "pdf" });
    const res = await a("GET", `/api/v1/reports/${reportId}/download?export_id=${created.body.data.export!.id}`);
    // The job may already have finished on a fast machine; the only other answer is the file itself.
    if (res.status !== 200) {
      expect(res.status).toBe(409);
      expect(res.body.error?.code).toBe("export_not_ready");
    }
    const expired = await a("GET", `/api/v1/reports/${server.seeded.expiredReportId}/download`);
    expect(expired.status).toBe(410);
    expect(expired.body.error?.code).toBe("gone");
    const listed = await a<ReportJson>("GET", `/api/v1/reports/${server.seeded.expiredReportId}`);
    expect(listed.body.data.status).toBe("expired");
    expect(listed.body.data.export?.download_url).toBeNull();
  });

  it("keeps other organizations out (404) and enforces scopes", async () => {
    const b = api(server.baseUrl, server.seeded.b.apiKey);
    for (const path of [`/api/v1/reports/${reportId}`, `/api/v1/reports/${reportId}/download`]) {
      const res = await b("GET", path);
      expect(res.status).toBe(404);
    }
    expect((await b("POST", `/api/v1/reports/${reportId}/exports`, { format: "csv" })).status).toBe(404);
    expect((await b("POST", "/api/v1/reports", { scan_id: scanId, format: "csv" })).status).toBe(404);
    expect((await b("POST", "/api/v1/reports", { domain_id: server.seeded.domainId, format: "csv" })).status).toBe(404);
    const list = await b<ReportJson[]>("GET", "/api/v1/reports");
    expect(list.body.data).toEqual([]);

    const readOnly = api(server.baseUrl, server.seeded.readOnly);
    expect((await readOnly("GET", `/api/v1/reports/${reportId}`)).status).toBe(200);
    const denied = await readOnly("POST", "/api/v1/reports", { scan_id: scanId, format: "csv" });
    expect(denied.status).toBe(403);
    expect(denied.body.error?.code).toBe("forbidden");
    const scansOnly = api(server.baseUrl, server.seeded.scansOnly);
    expect((await scansOnly("GET", "/api/v1/reports")).status).toBe(403);
  });

  it("validates input: exactly one of scan_id and domain_id, a known format", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    expect((await a("POST", "/api/v1/reports", { format: "pdf" })).status).toBe(422);
    expect((await a("POST", "/api/v1/reports", { scan_id: scanId, domain_id: server.seeded.domainId, format: "pdf" })).status).toBe(422);
    expect((await a("POST", "/api/v1/reports", { scan_id: scanId, format: "docx" })).status).toBe(422);
    const domainReport = await a<ReportJson>("POST", "/api/v1/reports", { domain_id: server.seeded.domainId, format: "json" });
    expect(domainReport.status).toBe(202);
    expect(domainReport.body.data.kind).toBe("domain");
  });

  it("serves the public rules page SARIF links point to", async () => {
    const res = await fetch(`${server.baseUrl}/rules/axe-image-alt`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("axe-image-alt");
    expect(html).toContain("How to fix it");
    expect((await fetch(`${server.baseUrl}/rules/no-such-rule`)).status).toBe(404);
  });
});
