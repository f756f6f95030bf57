import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/db";
import { setDatabase, type Database } from "@/lib/db";
import { PILLARS, type Pillar, type Severity } from "@/lib/scanner/types";
import { loadDomainResults } from "@/lib/services/domain-result/load-domain-results";
import { listPillarTrends } from "@/lib/services/domain-result/list-pillar-trends";
import { getPillarHeatmap } from "@/lib/services/overview/get-pillar-heatmap";
import { getPillarTrendSeries } from "@/lib/services/overview/get-pillar-trend-series";
import { listWorstPages } from "@/lib/services/overview/list-worst-pages";
import { listCommonProblems } from "@/lib/services/overview/list-common-problems";

// The organization overview on the real database: the heatmap and trends read the one composition, worst
// pages come from each domain's latest scan, common problems count domains per rule; all org-scoped.

const DAY = 86_400_000;
const NOW = new Date("2026-06-30T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

describe("organization overview services", () => {
  let db: Database;
  let orgId: string;
  let otherOrg: string;
  const ids: Record<string, string> = {};
  let n = 0;

  async function domain(org: string, host: string, pageCount = 10) {
    return (await db.prisma.domain.create({ data: { organizationId: org, host, verifyToken: `tok-${host}`, verifiedAt: new Date(), pageCount } })).id;
  }

  async function scan(
    org: string,
    domainId: string,
    at: Date,
    scores: Partial<Record<Pillar, number>>,
    opts: { maxPages?: number; trigger?: "manual" | "verification"; status?: "succeeded" | "failed" } = {},
  ) {
    return (
      await db.prisma.scan.create({
        data: {
          organizationId: org,
          domainId,
          status: opts.status ?? "succeeded",
          trigger: opts.trigger ?? "manual",
          pillars: Object.keys(scores) as Pillar[],
          maxPages: opts.maxPages ?? 10,
          scores,
          score: 100,
          grade: "A+",
          createdAt: at,
          startedAt: at,
          finishedAt: at,
        },
      })
    ).id;
  }

  async function page(scanId: string, url: string, perfScore: number | null, severities: Partial<Record<Severity, number>>, outcome = "ok") {
    await db.prisma.scanPage.create({ data: { scanId, url, perfScore, outcome, severities: { critical: 0, high: 0, medium: 0, low: 0, info: 0, ...severities } } });
  }

  async function finding(org: string, domainId: string, rule: string, severity: Severity, status: "open" | "in_progress" | "resolved" | "false_positive", instances = 1) {
    return (
      await db.prisma.finding.create({
        data: {
          organizationId: org,
          domainId,
          fingerprint: `fp-${++n}`,
          pillar: "seo",
          rule,
          severity,
          status,
          title: `Title of ${rule}`,
          description: "d",
          fix: "f",
          url: "https://x.example/",
          urls: [],
          instancesCount: instances,
          pagesCount: instances,
        },
      })
    ).id;
  }

  const all = (score: number) => Object.fromEntries(PILLARS.map((p) => [p, score])) as Record<Pillar, number>;

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    orgId = (await db.prisma.organization.create({ data: { name: "Agency", slug: "agency" } })).id;
    otherOrg = (await db.prisma.organization.create({ data: { name: "Other", slug: "agency-other" } })).id;

    ids.alpha = await domain(orgId, "alpha.example");
    ids.beta = await domain(orgId, "beta.example");
    ids.gamma = await domain(orgId, "gamma.example"); // never scanned
    ids.foreign = await domain(otherOrg, "foreign.example");

    // alpha: a full scan 200 days ago (60), then security+seo at 80 ten days ago.
    ids.alphaOld = await scan(orgId, ids.alpha, daysAgo(200), all(60));
    ids.alphaNew = await scan(orgId, ids.alpha, daysAgo(10), { security: 80, seo: 80 });
    // Never counted: a re-check, a scan of fewer pages than the domain's page count, a failed scan.
    await scan(orgId, ids.alpha, daysAgo(5), { security: 5 }, { trigger: "verification" });
    await scan(orgId, ids.alpha, daysAgo(4), { security: 6 }, { maxPages: 2 });
    await scan(orgId, ids.alpha, daysAgo(3), { security: 7 }, { status: "failed" });
    // beta: accessibility + performance 40 days ago (40), then everything at 90 two days ago.
    ids.betaOld = await scan(orgId, ids.beta, daysAgo(40), { accessibility: 40, performance: 40 });
    ids.betaNew = await scan(orgId, ids.beta, daysAgo(2), all(90));
    ids.foreignScan = await scan(otherOrg, ids.foreign, daysAgo(1), all(1));

    await page(ids.alphaNew, "https://alpha.example/", 70, { high: 1, medium: 2 });
    await page(ids.alphaNew, "https://alpha.example/shop", 30, { medium: 2 });
    await page(ids.alphaNew, "https://alpha.example/broken", null, { critical: 9 }, "error");
    await page(ids.betaOld, "https://beta.example/old", 1, { critical: 5 }); // an older scan: not the latest
    await page(ids.betaNew, "https://beta.example/", 95, { critical: 1 });
    await page(ids.betaNew, "https://beta.example/fast", 99, {});
    await page(ids.foreignScan, "https://foreign.example/", 0, { critical: 50 });

    await finding(orgId, ids.alpha, "seo-canonical", "low", "open", 6);
    await finding(orgId, ids.beta, "seo-canonical", "medium", "in_progress", 2);
    await finding(orgId, ids.gamma, "seo-canonical", "low", "open", 1);
    await finding(orgId, ids.alpha, "sec-hsts", "high", "open", 1);
    await finding(orgId, ids.beta, "sec-hsts", "high", "resolved", 1);
    await finding(orgId, ids.alpha, "perf-minify", "medium", "open", 12);
    await finding(orgId, ids.beta, "seo-title", "info", "false_positive", 3);
    await finding(otherOrg, ids.foreign, "foreign-rule", "critical", "open", 99);
    await finding(otherOrg, ids.foreign, "seo-canonical", "critical", "open", 99);
  });

  afterAll(async () => {
    setDatabase(undefined);
    await db?.close();
  });

  it("heatmap: every domain's composed pillars, equal to the composition service, worst first, never-scanned last", async () => {
    const heat = await getPillarHeatmap({ orgId });
    expect(heat.total).toBe(3);
    expect(heat.rows.map((r) => r.host)).toEqual(["alpha.example", "beta.example", "gamma.example"]);
    const composed = await loadDomainResults({ orgId, domainIds: [ids.alpha, ids.beta, ids.gamma] });
    for (const row of heat.rows) {
      const r = composed.get(row.domainId)!;
      expect(row.score).toBe(r.score);
      expect(row.grade).toBe(r.grade);
      for (const p of PILLARS) expect(row.pillars[p]).toEqual({ state: r.pillars[p].state, score: r.pillars[p].score, scanId: r.pillars[p].scanId });
    }
    const alpha = heat.rows[0];
    expect(alpha.pillars.security).toMatchObject({ state: "scored", score: 80, scanId: ids.alphaNew });
    expect(alpha.pillars.cookies).toMatchObject({ state: "scored", score: 60, scanId: ids.alphaOld });
    expect(heat.rows[2].pillars.seo).toEqual({ state: "never_scanned", score: null, scanId: null });
    expect(heat.rows[2].score).toBeNull();
    // Another organization's domain never appears; the limit keeps the worst.
    expect((await getPillarHeatmap({ orgId: otherOrg })).rows.map((r) => r.host)).toEqual(["foreign.example"]);
    expect((await getPillarHeatmap({ orgId, limit: 1 })).rows.map((r) => r.host)).toEqual(["alpha.example"]);
  });

  it("trends: the composition as of each counting scan, starting from where it stood at the window's start", async () => {
    const trends = await listPillarTrends({ orgId, since: daysAgo(30), until: NOW });
    const alpha = trends.get(ids.alpha)!;
    expect(alpha.map((p) => p.scanId)).toEqual([null, ids.alphaNew]);
    expect(alpha[0].scores.security).toBe(60);
    expect(alpha[1].scores).toMatchObject({ security: 80, seo: 80, cookies: 60 });
    const beta = trends.get(ids.beta)!;
    expect(beta[0].scores).toEqual({ accessibility: 40, performance: 40 });
    expect(beta[1].scores).toEqual(all(90));
    expect(trends.has(ids.gamma)).toBe(false);
    expect(trends.has(ids.foreign)).toBe(false);
    // The last point is the live composition.
    const live = await loadDomainResults({ orgId, domainIds: [ids.alpha] });
    for (const p of PILLARS) expect(alpha.at(-1)!.scores[p] ?? null).toBe(live.get(ids.alpha)!.pillars[p].score);
  });

  it("trend series: 30/90/365-day buckets averaging the domains scored by each bucket's end", async () => {
    const d30 = await getPillarTrendSeries({ orgId, range: 30, now: NOW });
    expect(d30.points).toHaveLength(30);
    expect(d30.bucketDays).toBe(1);
    expect(d30.pillars).toEqual([...PILLARS]);
    // 11 days ago: alpha at 60 everywhere, beta only accessibility/performance at 40.
    const early = d30.points[d30.points.length - 12];
    expect(early.scores).toMatchObject({ security: 60, accessibility: 50, performance: 50 });
    expect(early.domains).toBe(2);
    // Today: alpha security 80, beta 90 -> 85; alpha cookies 60, beta 90 -> 75.
    const last = d30.points.at(-1)!;
    expect(last.at.getTime()).toBe(NOW.getTime());
    expect(last.scores).toMatchObject({ security: 85, seo: 85, cookies: 75, accessibility: 75 });

    const d90 = await getPillarTrendSeries({ orgId, range: 90, now: NOW });
    expect(d90.points).toHaveLength(30);
    // 60 days ago only alpha's old scan existed.
    const sixty = d90.points.find((p) => Math.abs(p.at.getTime() - daysAgo(60).getTime()) < 2 * DAY)!;
    expect(sixty.scores).toEqual(all(60));
    expect(sixty.domains).toBe(1);

    const d365 = await getPillarTrendSeries({ orgId, range: 365, now: NOW });
    expect(d365.points).toHaveLength(53);
    expect(d365.points[0].scores).toEqual({});
    expect(d365.points[0].domains).toBe(0);

    const one = await getPillarTrendSeries({ orgId, range: 30, now: NOW, domainId: ids.beta });
    expect(one.points.at(-1)!.scores).toEqual(all(90));
    expect(one.points[0].scores).toEqual({ accessibility: 40, performance: 40 });
    // Another organization's domain id yields nothing.
    const foreign = await getPillarTrendSeries({ orgId, range: 30, now: NOW, domainId: ids.foreign });
    expect(foreign.pillars).toEqual([]);
    expect(foreign.points.every((p) => p.domains === 0)).toBe(true);
  });

  it("worst pages: the latest scan's loaded pages, most severe first, then the lowest page score", async () => {
    const worst = await listWorstPages({ orgId });
    expect(worst.map((p) => p.url)).toEqual([
      "https://beta.example/",
      "https://alpha.example/",
      "https://alpha.example/shop",
      "https://beta.example/fast",
    ]);
    expect(worst[0]).toMatchObject({ domainId: ids.beta, host: "beta.example", scanId: ids.betaNew, score: 95 });
    expect(worst[0].severities).toEqual({ critical: 1, high: 0, medium: 0, low: 0, info: 0 });
    expect(worst[2].score).toBe(30);
    expect(await listWorstPages({ orgId, limit: 2 })).toHaveLength(2);
    expect((await listWorstPages({ orgId: otherOrg })).map((p) => p.url)).toEqual(["https://foreign.example/"]);
  });

  it("common problems: rules by domains with open work, then instances; resolved and false positives left out", async () => {
    const common = await listCommonProblems({ orgId });
    expect(common.map((c) => c.rule)).toEqual(["seo-canonical", "perf-minify", "sec-hsts"]);
    expect(common[0]).toMatchObject({ title: "Title of seo-canonical", pillar: "seo", severity: "medium", domains: 3, findings: 3, instances: 9 });
    expect(common[1]).toMatchObject({ domains: 1, instances: 12, severity: "medium" });
    expect(common[2]).toMatchObject({ domains: 1, instances: 1, severity: "high" });
    const foreign = await listCommonProblems({ orgId: otherOrg });
    expect(foreign.map((c) => [c.rule, c.domains])).toEqual([
      ["foreign-rule", 1],
      ["seo-canonical", 1],
    ]);
  });
});
