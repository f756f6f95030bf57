// Share links to saved reports over real HTTP against the production server: POST /share-links with
// exactly one of scan_id and report_id (422 otherwise), scopes, other organizations (404), and the public
// /r/<token> page of a report link — that report's sections and branding (its snapshot, else the domain's
// override over the organization's), no member e-mails, evidence masked unless asked, 410 when expired or
// revoked, the password gate. Also: a PDF export of a report carries the organization's branding.
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newShareToken } from "@/lib/services/share-links/share-token";
import { finishedScan, PLANTED_SECRET } from "@/test/support/finished-scan";
import { SERVER_START_TIMEOUT, seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { api, seedDomain, until } from "./scans-support";

interface Seeded {
  a: SeededOrg;
  b: SeededOrg;
  aScan: string;
  /** a scan report with the compliance section, no branding snapshot (the domain override applies) */
  complianceReport: string;
  /** a domain report with two sections and a branding snapshot */
  snapshotReport: string;
  bReport: string;
  readKey: string;
  scansKey: string;
  expiredToken: string;
}

interface LinkJson {
  id: string;
  token: string;
  url: string;
  scan_id: string | null;
  report_id: string | null;
  state: string;
  view_count: number;
  last_viewed_at: string | null;
  has_password: boolean;
}

let server: TestServer<Seeded>;

beforeAll(async () => {
  server = await startServer<Seeded>({
    env: { PLUMB_JOBS_CRON: "off" },
    seed: async (db) => {
      const a = await seedOrg(db, { name: "Agency A" });
      const b = await seedOrg(db, { name: "Other B" });
      const aDomain = await seedDomain(db, a.orgId, "https://shop.example");
      const bDomain = await seedDomain(db, b.orgId, "https://b.example");
      const aScan = await finishedScan(db, { orgId: a.orgId, userId: a.userId }, aDomain, "https://shop.example");
      const bScan = await finishedScan(db, { orgId: b.orgId, userId: b.userId }, bDomain, "https://b.example");
      // The organization's branding, and the client domain's override (a name, no "Made with Plumb", no footer).
      await db.branding.create({ data: { organizationId: a.orgId, scopeKey: "org", name: "Agency A Studio", footerText: "Prepared by Agency A", accentColor: "#0f766e", showPoweredBy: true } });
      await db.branding.create({ data: { organizationId: a.orgId, domainId: aDomain, scopeKey: aDomain, name: "Shop Client Ltd", showPoweredBy: false } });
      const complianceReport = await db.report.create({
        data: { organizationId: a.orgId, domainId: aDomain, scanId: aScan, title: "Compliance review Q4", sections: ["summary", "findings", "compliance"], createdById: a.userId },
      });
      const snapshotReport = await db.report.create({
        data: {
          organizationId: a.orgId,
          domainId: aDomain,
          title: "Current state for the board",
          sections: ["summary", "top_fixes"],
          branding: { name: "Snapshot Brand", footer: "Snapshot footer line", showPoweredBy: true },
          createdById: a.userId,
        },
      });
      const bReport = await db.report.create({ data: { organizationId: b.orgId, domainId: bDomain, scanId: bScan, title: "B report", sections: [] } });
      // An expired report link (a POST refuses past dates), with a token we know.
      const expired = newShareToken();
      await db.shareLink.create({ data: { organizationId: a.orgId, domainId: aDomain, reportId: complianceReport.id, tokenHash: expired.tokenHash, expiresAt: new Date(Date.now() - 60_000) } });
      return {
        a,
        b,
        aScan,
        complianceReport: complianceReport.id,
        snapshotReport: snapshotReport.id,
        bReport: bReport.id,
        readKey: await seedApiKey(db, a.orgId, "reports:read"),
        scansKey: await seedApiKey(db, a.orgId, ["scans:read", "scans:write"]),
        expiredToken: expired.token,
      };
    },
  });
}, SERVER_START_TIMEOUT);

afterAll(async () => {
  await server?.stop();
});

async function create(body: unknown, key = server.seeded.a.apiKey) {
  return api(server.baseUrl, key)<LinkJson>("POST", "/api/v1/share-links", body);
}

describe("POST /api/v1/share-links with report_id", () => {
  it("takes exactly one of scan_id and report_id (422 with the issue otherwise)", async () => {
    const s = server.seeded;
    for (const body of [{}, { scan_id: s.aScan, report_id: s.complianceReport }, { report_id: "" }, { report_id: s.complianceReport, password: "short" }, { report_id: s.complianceReport, extra: 1 }]) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error?.code).toBe("invalid_params");
      expect(res.body.error?.issues?.length).toBeGreaterThan(0);
    }
    expect((await create({ report_id: s.complianceReport, expires_at: "2001-01-01T00:00:00Z" })).status).toBe(422);
    expect((await create("not json{")).status).toBe(400);
  });

  it("needs reports:write to create, reports:read to list; another organization's report or link is 404", async () => {
    const s = server.seeded;
    const denied = await create({ report_id: s.complianceReport }, s.readKey);
    expect(denied.status).toBe(403);
    expect(denied.body.error?.code).toBe("forbidden");
    expect((await create({ report_id: s.complianceReport }, s.scansKey)).status).toBe(403);
    expect((await api(server.baseUrl, s.scansKey)("GET", "/api/v1/share-links")).status).toBe(403);
    expect((await create({ report_id: s.bReport })).status).toBe(404);
    expect((await create({ report_id: "no-such-report" })).status).toBe(404);
    const mine = await create({ report_id: s.complianceReport });
    expect(mine.status).toBe(201);
    expect((await create({ report_id: s.complianceReport }, s.b.apiKey)).status).toBe(404);
    expect((await api(server.baseUrl, s.b.apiKey)("DELETE", `/api/v1/share-links/${mine.body.data.id}`)).status).toBe(404);
    const bList = await api(server.baseUrl, s.b.apiKey)<LinkJson[]>("GET", `/api/v1/share-links?report_id=${s.complianceReport}`);
    expect(bList.body.data).toEqual([]);
    expect((await api(server.baseUrl, s.readKey)<LinkJson[]>("GET", `/api/v1/share-links?report_id=${s.complianceReport}`)).status).toBe(200);
  });

  it("serves the report's own definition: its title, sections and branding, without e-mails or evidence, and counts views", async () => {
    const s = server.seeded;
    const created = await create({ report_id: s.complianceReport });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ report_id: s.complianceReport, scan_id: null, state: "active", has_password: false });
    expect(created.body.data.url).toBe(`${server.baseUrl}/r/${created.body.data.token}`);
    const page = await fetch(created.body.data.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("x-robots-tag")).toContain("noindex");
    const html = await page.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow, noarchive"');
    expect(html).toContain("Compliance review Q4");
    // Sections of this report only: compliance yes, the security grade table and scanned pages no.
    expect(html).toContain('data-section="compliance"');
    expect(html).toContain("WCAG 2.2 AA conformance summary");
    expect(html).toContain("Accessibility statement (draft)");
    expect(html).toContain("OWASP ASVS 4.0.3");
    expect(html).not.toContain('data-section="security"');
    expect(html).not.toContain('data-section="pages"');
    // No snapshot: the domain's override (name, powered-by off) over the organization's branding (footer).
    expect(html).toContain("Shop Client Ltd");
    expect(html).toContain("Prepared by Agency A");
    expect(html).not.toContain("Made with Plumb");
    expect(html).not.toContain(s.a.email);
    expect(html).not.toContain(PLANTED_SECRET);
    expect(html).not.toContain("repositoryformatversion");
    await fetch(created.body.data.url);
    const list = await api(server.baseUrl, s.readKey)<LinkJson[]>("GET", `/api/v1/share-links?report_id=${s.complianceReport}`);
    const row = list.body.data.find((l) => l.id === created.body.data.id)!;
    expect(row.view_count).toBe(2);
    expect(row.last_viewed_at).not.toBeNull();
    expect(list.body.data.every((l) => l.report_id === s.complianceReport)).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(created.body.data.token);
  });

  it("uses the report's branding snapshot and the domain's composed state for a domain report", async () => {
    const s = server.seeded;
    const created = await create({ report_id: s.snapshotReport });
    const html = await (await fetch(created.body.data.url)).text();
    expect(html).toContain("Current state for the board");
    expect(html).toContain("Current state of the domain");
    expect(html).toContain("Snapshot Brand");
    expect(html).toContain("Snapshot footer line");
    expect(html).toContain("Made with Plumb");
    expect(html).not.toContain("Shop Client Ltd");
    expect(html).toContain('data-section="top_fixes"');
    expect(html).not.toContain('data-section="findings"');
    expect(html).not.toContain('data-section="compliance"');
  });

  it("shows masked evidence only when include_evidence is set", async () => {
    const created = await create({ report_id: server.seeded.complianceReport, include_evidence: true });
    const html = await (await fetch(created.body.data.url)).text();
    expect(html).toContain("repositoryformatversion");
    expect(html).not.toContain(PLANTED_SECRET);
  });

  it("answers 410 once expired or revoked", async () => {
    const s = server.seeded;
    const expired = await fetch(`${server.baseUrl}/r/${s.expiredToken}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("expired");
    const created = await create({ report_id: s.complianceReport, expires_at: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await fetch(created.body.data.url)).status).toBe(200);
    const revoked = await api(server.baseUrl, s.a.apiKey)<LinkJson>("DELETE", `/api/v1/share-links/${created.body.data.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.data.state).toBe("revoked");
    const gone = await fetch(created.body.data.url);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain("revoked");
  });

  it("asks for the password first", async () => {
    const created = await create({ report_id: server.seeded.complianceReport, password: "open sesame 42" });
    expect(created.body.data.has_password).toBe(true);
    const url = created.body.data.url;
    const form = await (await fetch(url)).text();
    expect(form).toContain('type="password"');
    expect(form).not.toContain("Compliance review Q4");
    expect((await fetch(url, { method: "POST", body: new URLSearchParams({ password: "wrong one" }), redirect: "manual" })).status).toBe(403);
    const right = await fetch(url, { method: "POST", body: new URLSearchParams({ password: "open sesame 42" }), redirect: "manual" });
    expect(right.status).toBe(303);
    const cookie = right.headers.get("set-cookie")!.split(";")[0]!;
    const report = await fetch(url, { headers: { cookie } });
    expect(await report.text()).toContain("Compliance review Q4");
  });
});

describe("a report's PDF export", () => {
  it("prints the domain override's name, the organization's footer, and no \"Made with Plumb\" when switched off", { timeout: 300_000 }, async () => {
    const s = server.seeded;
    const a = api(server.baseUrl, s.a.apiKey);
    const created = await a<{ id: string; export: { id: string } }>("POST", "/api/v1/reports", { scan_id: s.aScan, format: "pdf", sections: ["summary", "compliance"] });
    expect(created.status, JSON.stringify(created.body.error)).toBe(202);
    const reportId = created.body.data.id;
    await until(
      "pdf export",
      async () => {
        const got = await a<{ status: string | null }>("GET", `/api/v1/reports/${reportId}`);
        if (got.body.data.status === "failed") throw new Error("export failed");
        return got.body.data.status === "succeeded" ? true : null;
      },
      240_000,
      500,
    );
    const res = await fetch(`${server.baseUrl}/api/v1/reports/${reportId}/download`, { headers: { Authorization: `Bearer ${s.a.apiKey}` } });
    expect(res.status).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true });
    expect(text).toContain("Shop Client Ltd");
    expect(text).toContain("Prepared by Agency A");
    expect(text).toContain("WCAG 2.2 AA conformance summary");
    expect(text).not.toContain("Made with Plumb");
  });
});
