// Report schedules and portfolio reports over real HTTP against the production server: create (idempotent),
// list, pause, delete; validation answers 422 with issues; scopes are enforced; another organization's report,
// schedule or domain answers 404; a portfolio report is exported in the background and downloaded as CSV; a
// forged download link answers 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedApiKey, seedOrg, startServer, SERVER_START_TIMEOUT, type SeededOrg, type TestServer } from "@/test/support/server";
import { seedScannedDomain } from "@/test/reports/seed-scanned-domain";
import { api, until } from "./scans-support";

interface Seeded {
  a: SeededOrg;
  b: SeededOrg;
  readOnly: string;
  scansOnly: string;
  domainIds: string[];
  otherDomainId: string;
  reportId: string;
  otherReportId: string;
}
interface ScheduleJson {
  id: string;
  report_id: string;
  cadence: string;
  day: number;
  hour: number;
  timezone: string;
  description: string;
  format: string;
  recipients: string[];
  enabled: boolean;
  next_run_at: string | null;
}
interface ReportJson {
  id: string;
  kind: string;
  domain_ids: string[];
  export: { id: string; status: string; download_url: string | null } | null;
}

let server: TestServer<Seeded>;

beforeAll(async () => {
  server = await startServer<Seeded>({
    env: { PLUMB_JOBS_CRON: "off" },
    seed: async (db) => {
      const a = await seedOrg(db, { scopes: "all" });
      const b = await seedOrg(db, { scopes: "all" });
      const domainIds = [
        (await seedScannedDomain(db, a.orgId, { host: "alpha.example", score: 88, grade: "B", findings: [{ rule: "seo-title", severity: "medium", pages: 2 }] })).domainId,
        (await seedScannedDomain(db, a.orgId, { host: "beta.example", score: 52, grade: "E", findings: [{ rule: "sec-hsts", severity: "critical", pages: 1 }] })).domainId,
      ];
      const other = await seedScannedDomain(db, b.orgId, { host: "other.example", score: 70, grade: "C", findings: [] });
      const reportId = (await db.report.create({ data: { organizationId: a.orgId, domainId: domainIds[0], title: "Alpha monthly", sections: [] } })).id;
      const otherReportId = (await db.report.create({ data: { organizationId: b.orgId, domainId: other.domainId, title: "Other", sections: [] } })).id;
      return {
        a, b, domainIds, reportId, otherReportId, otherDomainId: other.domainId,
        readOnly: await seedApiKey(db, a.orgId, ["reports:read"]),
        scansOnly: await seedApiKey(db, a.orgId, ["scans:read", "scans:write"]),
      };
    },
  });
}, SERVER_START_TIMEOUT);

afterAll(async () => {
  await server?.stop();
});

describe("report schedules API", { timeout: 300_000 }, () => {
  let scheduleId: string;

  it("creates a schedule idempotently and lists it with its next run", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const body = { cadence: "monthly", day: 3, hour: 9, timezone: "Europe/Berlin", recipients: ["Boss@Client.example", "ops@client.example"] };
    const first = await a<ScheduleJson>("POST", `/api/v1/reports/${server.seeded.reportId}/schedules`, body, { "Idempotency-Key": "sched-1" });
    expect(first.status, JSON.stringify(first.body.error)).toBe(201);
    expect(first.body.data).toMatchObject({ report_id: server.seeded.reportId, cadence: "monthly", day: 3, hour: 9, timezone: "Europe/Berlin", format: "pdf", enabled: true, recipients: ["boss@client.example", "ops@client.example"] });
    expect(first.body.data.description).toBe("Monthly on day 3 at 09:00 (Europe/Berlin)");
    const next = new Date(first.body.data.next_run_at!);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", day: "numeric", hour: "numeric", hourCycle: "h23" }).format(next)).toBe("3, 09");
    const again = await a<ScheduleJson>("POST", `/api/v1/reports/${server.seeded.reportId}/schedules`, body, { "Idempotency-Key": "sched-1" });
    expect(again.body.data.id).toBe(first.body.data.id);
    scheduleId = first.body.data.id;

    const ofReport = await a<ScheduleJson[]>("GET", `/api/v1/reports/${server.seeded.reportId}/schedules`);
    expect(ofReport.body.data.map((s) => s.id)).toEqual([scheduleId]);
    const all = await a<ScheduleJson[]>("GET", "/api/v1/report-schedules?limit=10");
    expect(all.body.data.map((s) => s.id)).toEqual([scheduleId]);
    const one = await a<ScheduleJson>("GET", `/api/v1/report-schedules/${scheduleId}`);
    expect(one.status).toBe(200);
  });

  it("answers 422 with the issues for bad input", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const post = (body: unknown) => a("POST", `/api/v1/reports/${server.seeded.reportId}/schedules`, body);
    const cases: unknown[] = [
      { cadence: "daily", day: 1, recipients: ["x@example.test"] },
      { cadence: "weekly", day: 0, recipients: ["x@example.test"] },
      { cadence: "weekly", day: 9, recipients: ["x@example.test"] },
      { cadence: "monthly", day: 29, recipients: ["x@example.test"] },
      { cadence: "weekly", day: 1, hour: 24, recipients: ["x@example.test"] },
      { cadence: "weekly", day: 1, timezone: "Nowhere/Land", recipients: ["x@example.test"] },
      { cadence: "weekly", day: 1, recipients: [] },
      { cadence: "weekly", day: 1, recipients: ["not an address"] },
      { cadence: "weekly", day: 1, recipients: Array.from({ length: 21 }, (_, i) => `r${i}@example.test`) },
      { cadence: "weekly", day: 1, recipients: ["x@example.test"], format: "docx" },
      { cadence: "weekly", day: 1, recipients: ["x@example.test"], surprise: true },
    ];
    for (const body of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error?.code).toBe("invalid_params");
      expect(Array.isArray(res.body.error?.issues) && res.body.error!.issues!.length > 0, JSON.stringify(res.body.error)).toBe(true);
    }
    const patch = await a("PATCH", `/api/v1/report-schedules/${scheduleId}`, {});
    expect(patch.status).toBe(422);
    const weekday = await a("PATCH", `/api/v1/report-schedules/${scheduleId}`, { cadence: "weekly" });
    expect(weekday.status, "monthly day 3 stays valid as a weekday").toBe(200);
    const badDay = await a("PATCH", `/api/v1/report-schedules/${scheduleId}`, { day: 15 });
    expect(badDay.status).toBe(422);
  });

  it("enforces scopes: reports:read can list but not create; other scopes get 403", async () => {
    const ro = api(server.baseUrl, server.seeded.readOnly);
    expect((await ro("GET", "/api/v1/report-schedules")).status).toBe(200);
    const denied = await ro("POST", `/api/v1/reports/${server.seeded.reportId}/schedules`, { cadence: "weekly", day: 1, recipients: ["x@example.test"] });
    expect(denied.status).toBe(403);
    expect(denied.body.error?.code).toBe("forbidden");
    expect((await ro("PATCH", `/api/v1/report-schedules/${scheduleId}`, { enabled: false })).status).toBe(403);
    expect((await ro("DELETE", `/api/v1/report-schedules/${scheduleId}`)).status).toBe(403);
    const scans = api(server.baseUrl, server.seeded.scansOnly);
    expect((await scans("GET", "/api/v1/report-schedules")).status).toBe(403);
    expect((await api(server.baseUrl, null)("GET", "/api/v1/report-schedules")).status).toBe(401);
  });

  it("answers 404 for another organization's report or schedule", async () => {
    const b = api(server.baseUrl, server.seeded.b.apiKey);
    for (const [method, path, body] of [
      ["GET", `/api/v1/report-schedules/${scheduleId}`],
      ["PATCH", `/api/v1/report-schedules/${scheduleId}`, { enabled: false }],
      ["DELETE", `/api/v1/report-schedules/${scheduleId}`],
      ["GET", `/api/v1/reports/${server.seeded.reportId}/schedules`],
      ["POST", `/api/v1/reports/${server.seeded.reportId}/schedules`, { cadence: "weekly", day: 1, recipients: ["x@example.test"] }],
    ] as const) {
      const res = await b(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error?.code).toBe("not_found");
    }
    expect((await b<ScheduleJson[]>("GET", "/api/v1/report-schedules")).body.data).toEqual([]);
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    expect((await a("POST", `/api/v1/reports/${server.seeded.otherReportId}/schedules`, { cadence: "weekly", day: 1, recipients: ["x@example.test"] })).status).toBe(404);
  });

  it("pauses, resumes and deletes", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const paused = await a<ScheduleJson>("PATCH", `/api/v1/report-schedules/${scheduleId}`, { enabled: false });
    expect(paused.body.data).toMatchObject({ enabled: false, next_run_at: null });
    const resumed = await a<ScheduleJson>("PATCH", `/api/v1/report-schedules/${scheduleId}`, { enabled: true, recipients: ["only@client.example"] });
    expect(resumed.body.data).toMatchObject({ enabled: true, recipients: ["only@client.example"] });
    expect(resumed.body.data.next_run_at).not.toBeNull();
    const del = await a("DELETE", `/api/v1/report-schedules/${scheduleId}`);
    expect(del.status).toBe(200);
    expect(del.body.data).toEqual({ id: scheduleId, deleted: true });
    expect((await a("GET", `/api/v1/report-schedules/${scheduleId}`)).status).toBe(404);
    const audit = await a<{ action: string; target_id: string | null }[]>("GET", "/api/v1/audit-events?limit=100");
    const actions = audit.body.data.filter((e) => e.target_id === scheduleId).map((e) => e.action).sort();
    expect(actions).toEqual(["report_schedule.create", "report_schedule.delete", "report_schedule.pause", "report_schedule.resume", "report_schedule.update"].sort());
  });

  it("a forged download link answers 404", async () => {
    const res = await api(server.baseUrl, null)("GET", "/api/v1/report-files/nope?expires=9999999999&signature=abc");
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe("not_found");
  });
});

describe("portfolio reports API", { timeout: 300_000 }, () => {
  it("validates the domains: another organization's or unknown → 404, too many or too few → 422, SARIF → 422", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const [d1, d2] = server.seeded.domainIds;
    expect((await a("POST", "/api/v1/reports", { domain_ids: [d1, server.seeded.otherDomainId], format: "pdf" })).status).toBe(404);
    expect((await a("POST", "/api/v1/reports", { domain_ids: [d1, "missing"], format: "pdf" })).status).toBe(404);
    for (const body of [
      { domain_ids: Array.from({ length: 26 }, (_, i) => `d${i}`), format: "pdf" },
      { domain_ids: [d1], format: "pdf" },
      { domain_ids: [d1, d2], format: "sarif" },
      { domain_ids: [d1, d2], domain_id: d1, format: "pdf" },
    ]) {
      const res = await a("POST", "/api/v1/reports", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error?.code).toBe("invalid_params");
    }
  });

  it("creates a portfolio report and exports it as CSV, one ranked row per domain", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const created = await a<ReportJson>("POST", "/api/v1/reports", { domain_ids: server.seeded.domainIds, format: "csv", title: "Client portfolio" }, { "Idempotency-Key": "pf-1" });
    expect(created.status, JSON.stringify(created.body.error)).toBe(202);
    expect(created.body.data).toMatchObject({ kind: "portfolio", domain_ids: server.seeded.domainIds });
    const reportId = created.body.data.id;
    const ready = await until(
      "portfolio export",
      async () => {
        const got = await a<ReportJson>("GET", `/api/v1/reports/${reportId}`);
        if (got.body.data.export?.status === "failed") throw new Error("export failed");
        return got.body.data.export?.status === "succeeded" ? got.body.data.export : null;
      },
      170_000,
      500,
    );
    const res = await fetch(`${server.baseUrl}${ready.download_url}`, { headers: { Authorization: `Bearer ${server.seeded.a.apiKey}` } });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1,[^,]+,alpha\.example,scored,B,88,/);
    // The open critical finding caps the grade (E by score alone) at F; the security grade stays E.
    expect(lines[2]).toMatch(/^2,[^,]+,beta\.example,scored,F,52,E,/);
    const schema = await fetch(`${server.baseUrl}/api/v1/schemas/portfolio-report.json`);
    expect(schema.status).toBe(200);
    expect(((await schema.json()) as { title?: string }).title).toBe("Plumb portfolio report");
  });
});
