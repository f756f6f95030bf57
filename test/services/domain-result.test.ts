import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/db";
import { setDatabase, type Database } from "@/lib/db";
import { PILLARS, type Pillar, type Severity } from "@/lib/scanner/types";
import { loadDomainResult, loadDomainResults } from "@/lib/services/domain-result/load-domain-results";
import { listDomainResultTrend } from "@/lib/services/domain-result/list-domain-result-trend";
import { getPublicDomainResult } from "@/lib/services/domain-result/get-public-domain-result";
import { getDomainWithResult } from "@/lib/services/domain-result/get-domain-with-result";
import { updateFinding } from "@/lib/services/findings/update-finding";
import { updateDomain } from "@/lib/services/domains/update-domain";
import { settleScan } from "@/lib/services/scans/settle-scan";

// The composed public result of a domain on the real database: per pillar, from the latest counting scan.

type Status = "open" | "in_progress" | "resolved" | "accepted_risk" | "false_positive";

describe("domain public result (composition)", () => {
  let db: Database;
  let orgId: string;
  let otherOrg: string;
  let t = Date.parse("2026-03-01T00:00:00Z");
  const next = () => new Date((t += 60_000));
  let n = 0;

  async function domain(host: string, data: Record<string, unknown> = {}) {
    return (
      await db.prisma.domain.create({ data: { organizationId: orgId, host, verifyToken: `tok-${host}`, verifiedAt: new Date(), ...data } })
    ).id;
  }

  async function scan(
    domainId: string,
    opts: {
      pillars?: Pillar[];
      score?: number;
      scores?: Partial<Record<Pillar, number>>;
      maxPages?: number;
      status?: "succeeded" | "failed" | "running";
      trigger?: "manual" | "schedule" | "api" | "verification";
      securityGrade?: string;
      securityTests?: unknown;
    } = {},
  ) {
    const pillars = opts.pillars ?? [...PILLARS];
    const scores = opts.scores ?? Object.fromEntries(pillars.map((p) => [p, opts.score ?? 80]));
    const at = next();
    const s = await db.prisma.scan.create({
      data: {
        organizationId: orgId,
        domainId,
        status: opts.status ?? "succeeded",
        trigger: opts.trigger ?? "manual",
        pillars,
        maxPages: opts.maxPages ?? 10,
        scores,
        // The scan's own score and grade: what used to replace the domain's (the bug this composition fixes).
        score: 100,
        grade: "A+",
        securityGrade: pillars.includes("security") ? (opts.securityGrade ?? "B") : null,
        ...(opts.securityTests ? { securityTests: opts.securityTests } : {}),
        createdAt: at,
        startedAt: at,
        finishedAt: opts.status === "running" ? null : at,
      },
    });
    return s.id;
  }

  async function finding(domainId: string, severity: Severity, status: Status, opts: { pillar?: Pillar; scans?: string[] } = {}) {
    const f = await db.prisma.finding.create({
      data: {
        organizationId: orgId,
        domainId,
        fingerprint: `fp-${++n}`,
        pillar: opts.pillar ?? "security",
        rule: `rule-${n}`,
        severity,
        status,
        title: `Finding ${n}`,
        description: "d",
        fix: "f",
        url: "https://x.example/",
        urls: ["https://x.example/"],
      },
    });
    for (const scanId of opts.scans ?? []) await db.prisma.findingOccurrence.create({ data: { findingId: f.id, scanId, severity, urls: [] } });
    return f.id;
  }

  const actor = () => ({ orgId, userId: null, apiKeyId: null, requestId: null });

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    orgId = (await db.prisma.organization.create({ data: { name: "Composer", slug: "composer" } })).id;
    otherOrg = (await db.prisma.organization.create({ data: { name: "Other", slug: "composer-other" } })).id;
  });

  afterAll(async () => {
    setDatabase(undefined);
    await db?.close();
  });

  beforeEach(() => {
    t += 3_600_000;
  });

  it("a 2-pillar scan after a 7-pillar scan replaces only its two pillars", async () => {
    const d = await domain("two-after-seven.example");
    const full = await scan(d, { score: 70, securityGrade: "C" });
    const partial = await scan(d, { pillars: ["trackers", "privacy"], score: 100 });
    const r = (await loadDomainResult({ orgId, domainId: d }))!;
    expect(r.pillars.trackers).toMatchObject({ state: "scored", score: 100, scanId: partial });
    expect(r.pillars.privacy).toMatchObject({ state: "scored", score: 100, scanId: partial });
    for (const p of ["accessibility", "security", "cookies", "performance", "seo"] as const) {
      expect(r.pillars[p]).toMatchObject({ state: "scored", score: 70, scanId: full });
      expect(r.pillars[p].scannedAt).toBeInstanceOf(Date);
    }
    // (5 × 70 + 2 × 100) / 7 = 78.6 -> 79, C; not the partial scan's own 100 A+.
    expect(r.score).toBe(79);
    expect(r.grade).toBe("C");
    expect(r.securityGrade).toBe("C");
    expect(r.lastScanId).toBe(partial);
    expect(r.cap).toBeNull();
  });

  it("a scan with fewer pages than the domain's page count, a failed scan or a re-check does not count", async () => {
    const d = await domain("pages.example", { pageCount: 20 });
    const counted = await scan(d, { score: 60, maxPages: 20 });
    await scan(d, { score: 100, maxPages: 19 });
    await scan(d, { score: 100, maxPages: 50, status: "failed" });
    await scan(d, { score: 100, maxPages: 50, status: "running" });
    await scan(d, { score: 100, maxPages: 50, trigger: "verification" });
    const r = (await loadDomainResult({ orgId, domainId: d }))!;
    expect(r.pageCount).toBe(20);
    expect(Object.values(r.pillars).every((p) => p.scanId === counted && p.score === 60)).toBe(true);
    expect(r.score).toBe(60);
    expect(r.grade).toBe("D");
    // Lowering the page count makes the 19-page scan count (it is the latest).
    await updateDomain(actor(), d, { pageCount: 10 });
    expect((await loadDomainResult({ orgId, domainId: d }))!.score).toBe(100);
    await expect(updateDomain(actor(), d, { pageCount: 0 })).rejects.toMatchObject({ code: "invalid_params" });
  });

  it("pillars never scanned show as such; no counting scan at all has no score or grade", async () => {
    const empty = await domain("never.example");
    const none = (await loadDomainResult({ orgId, domainId: empty }))!;
    expect(none.score).toBeNull();
    expect(none.grade).toBeNull();
    expect(Object.values(none.pillars).map((p) => p.state)).toEqual(PILLARS.map(() => "never_scanned"));

    const d = await domain("partial.example");
    await scan(d, { pillars: ["seo", "accessibility"], scores: { seo: 90, accessibility: 70 } });
    const r = (await loadDomainResult({ orgId, domainId: d }))!;
    expect(r.pillars.security).toEqual({ pillar: "security", state: "never_scanned", score: null, scanId: null, scannedAt: null });
    expect(r.pillars.seo.score).toBe(90);
    expect(r.score).toBe(80);
    expect(r.securityGrade).toBeNull();

    // Covered without any applicable check: not applicable, not a zero.
    const na = await domain("na.example");
    await scan(na, { pillars: ["seo", "cookies"], scores: { seo: 100 } });
    const rn = (await loadDomainResult({ orgId, domainId: na }))!;
    expect(rn.pillars.cookies.state).toBe("not_applicable");
    expect(rn.score).toBe(100);
  });

  it("caps the grade by open, in-progress and accepted-risk findings, never by false positives or resolved ones", async () => {
    const d = await domain("cap.example");
    await scan(d, { score: 100 });
    expect((await loadDomainResult({ orgId, domainId: d }))!.grade).toBe("A+");

    const fp = await finding(d, "critical", "false_positive");
    await finding(d, "critical", "resolved");
    const base = (await loadDomainResult({ orgId, domainId: d }))!;
    expect(base.grade).toBe("A+");
    expect(base.cap).toBeNull();

    const high = await finding(d, "high", "open");
    for (const status of ["open", "in_progress", "accepted_risk"] as const) {
      await updateFinding(actor(), { findingId: high, patch: { status, justification: "Reviewed for the grade-cap test." } });
      const r = (await loadDomainResult({ orgId, domainId: d }))!;
      expect(r.score).toBe(100);
      expect(r.scoreGrade).toBe("A+");
      expect(r.grade).toBe("C");
      expect(r.cap).toEqual({ severity: "high", grade: "C", findings: 1, applied: true });
    }
    for (const status of ["false_positive", "resolved"] as const) {
      await updateFinding(actor(), { findingId: high, patch: { status, justification: "Reviewed for the grade-cap test." } });
      const r = (await loadDomainResult({ orgId, domainId: d }))!;
      expect(r.grade).toBe("A+");
      expect(r.cap).toBeNull();
    }
    // A false positive reopened caps again.
    await updateFinding(actor(), { findingId: fp, patch: { status: "open" } });
    expect((await loadDomainResult({ orgId, domainId: d }))!).toMatchObject({ grade: "D", cap: { severity: "critical", grade: "D" } });

    // A cap above the score's own grade is reported but not applied.
    const low = await domain("cap-low.example");
    await scan(low, { score: 50 });
    await finding(low, "medium", "open");
    expect((await loadDomainResult({ orgId, domainId: low }))!).toMatchObject({ grade: "F", cap: { severity: "medium", grade: "B", applied: false } });
  });

  it("the trend is the composition as of each counting scan", async () => {
    const d = await domain("trend.example");
    const s1 = await scan(d, { score: 60 });
    await finding(d, "high", "resolved", { scans: [s1] });
    await scan(d, { score: 100, maxPages: 3 }); // does not count: no point
    const s2 = await scan(d, { pillars: ["trackers", "privacy"], score: 95 });
    const s3 = await scan(d, { pillars: ["security"], score: 100 });
    const trend = await listDomainResultTrend({ orgId, domainId: d });
    expect(trend.map((p) => p.scanId)).toEqual([s1, s2, s3]);
    // s1: 60 everywhere, and the high finding it saw (resolved since) capped it at the time.
    expect(trend[0]).toMatchObject({ score: 60, grade: "D" });
    // s2: (5 × 60 + 2 × 95) / 7 = 70; the high finding was seen by s1, which still gives five pillars.
    expect(trend[1].score).toBe(70);
    expect(trend[1].grade).toBe("C");
    expect(trend[1].scores).toMatchObject({ trackers: 95, privacy: 95, security: 60, seo: 60 });
    // s3, the live point: (4 × 60 + 2 × 95 + 100) / 7 = 75.7 -> 76, and the finding is resolved now: no cap.
    expect(trend[2]).toMatchObject({ score: 76, grade: "C" });
    expect(trend[2].score).toBe((await loadDomainResult({ orgId, domainId: d }))!.score);
    expect(await listDomainResultTrend({ orgId: otherOrg, domainId: d })).toEqual([]);
  });

  it("is scoped to the organization, and batch-composes several domains", async () => {
    const a = await domain("batch-a.example");
    const b = await domain("batch-b.example");
    await scan(a, { score: 90 });
    await scan(b, { pillars: ["seo"], score: 40 });
    const both = await loadDomainResults({ orgId, domainIds: [a, b, "missing"] });
    expect(both.get(a)?.score).toBe(90);
    expect(both.get(b)?.score).toBe(40);
    expect(both.has("missing")).toBe(false);
    expect(await loadDomainResult({ orgId: otherOrg, domainId: a })).toBeNull();
    await expect(getDomainWithResult({ orgId: otherOrg, domainId: a })).rejects.toMatchObject({ code: "not_found" });
  });

  it("the cached public result follows finding changes and settled scans at once", async () => {
    const d = await domain("cached.example");
    await scan(d, { score: 100 });
    const first = await getPublicDomainResult({ domainId: d });
    expect(first.value).toMatchObject({ kind: "found", result: { grade: "A+" } });
    // Served from memory: a direct write that bypasses the services is not seen until the TTL...
    const sneaky = await finding(d, "critical", "open");
    expect((await getPublicDomainResult({ domainId: d })).value).toMatchObject({ result: { grade: "A+" } });
    // ...while a change through the services is seen immediately.
    await updateFinding(actor(), { findingId: sneaky, patch: { status: "in_progress" } });
    expect((await getPublicDomainResult({ domainId: d })).value).toMatchObject({ result: { grade: "D" } });
    // And the TTL bounds what another process changed.
    await db.prisma.finding.update({ where: { id: sneaky }, data: { status: "false_positive" } });
    expect((await getPublicDomainResult({ domainId: d, now: Date.now() + 31_000 })).value).toMatchObject({ result: { grade: "A+" } });

    // Settling a scan: the domain's columns get the composition, and the cache moves on.
    const running = await db.prisma.scan.create({
      data: { organizationId: orgId, domainId: d, status: "running", pillars: ["seo"], maxPages: 10, scores: { seo: 40 }, score: 40, grade: "F", startedAt: next() },
    });
    await settleScan({ scanId: running.id, now: next() });
    const row = await db.prisma.domain.findUniqueOrThrow({ where: { id: d } });
    // (6 × 100 + 40) / 7 = 91.4 -> 91 A, not the scan's own 40 F.
    expect(row).toMatchObject({ lastScore: 91, lastGrade: "A", lastScanId: running.id });
    expect((await getPublicDomainResult({ domainId: d })).value).toMatchObject({ result: { score: 91, grade: "A" } });
    expect((await getPublicDomainResult({ domainId: "no-such-domain" })).value).toEqual({ kind: "unknown" });
  });
});
