// One finding per root cause, stored with its instances: grouping through the real write path, instance
// paging, URL search, status lists, justified triage and the expiry of accepted risks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { dedupe } from "@/lib/scanner/dedupe";
import type { CheckResult, ScanResult } from "@/lib/scanner/types";
import { isServiceError } from "@/lib/services/errors";
import { bulkUpdateFindings } from "@/lib/services/findings/bulk-update-findings";
import { listFindingInstances } from "@/lib/services/findings/list-finding-instances";
import { listFindings } from "@/lib/services/findings/list-findings";
import { listFindingsSorted } from "@/lib/services/findings/list-findings-sorted";
import { reopenExpiredAcceptances } from "@/lib/services/findings/reopen-expired-acceptances";
import { updateFinding } from "@/lib/services/findings/update-finding";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recordScanResults } from "@/lib/services/scans/record-scan-results";
import { createTestDatabase } from "@/test/support/db";
import { seedTenant, type SeededTenant } from "./seed";

const O = "https://bakery.example";
const PAGES = ["/", "/about", "/menu", "/contact", "/blog/sourdough", "/blog/rye"].map((p) => `${O}${p}`);

const base = { severity: "low" as const, title: "t", description: "d", fix: "f" };
/** What the checks report on the six pages: a shared script, a missing canonical, four alt-less images. */
function results(): CheckResult[] {
  const out: CheckResult[] = [];
  for (const [i, url] of PAGES.entries()) {
    out.push({ ...base, rule: "perf-unminified-code", pillar: "performance", title: "JavaScript or CSS is not minified", url, key: `${O}/js/vendor.js`, siteWide: true, evidence: "40 KB removable" });
    out.push({ ...base, rule: "seo-canonical-missing", pillar: "seo", title: "Page has no canonical URL", url });
    if (i < 4) out.push({ ...base, rule: "axe-image-alt", pillar: "accessibility", severity: "high", title: "Images must have alternative text", url, selector: i ? `.gallery > img:nth-child(${i + 1})` : ".gallery > img", key: "x", siteWide: true, evidence: '<img src="/img/photo.svg">' });
  }
  return out;
}

function scanResult(): ScanResult {
  const now = new Date().toISOString();
  return {
    target: O, started_at: now, finished_at: now, pages: PAGES.map((url) => ({ url, status: 200 })),
    scores: {}, score: 90, grade: "A", findings: dedupe(results(), O), checks: [], timings: {},
  };
}

let db: Database;
let t: SeededTenant;
let other: SeededTenant;
const ids: Record<string, string> = {};

async function rejects422(p: Promise<unknown>): Promise<void> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(isServiceError(err) && err.code).toBe("invalid_params");
}

beforeAll(async () => {
  db = await createTestDatabase();
  t = await seedTenant(db.prisma, { host: "bakery.example", credits: 100 });
  other = await seedTenant(db.prisma);
  const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["performance", "seo", "accessibility"] }));
  await markScanRunning({ scanId: scan.id }, db.prisma);
  const recorded = await recordScanResults({ scanId: scan.id, result: scanResult() }, db.prisma);
  expect(recorded.findings).toBe(3);
  for (const f of await db.prisma.finding.findMany({ where: { domainId: t.domainId } })) ids[f.rule] = f.id;
});
afterAll(async () => {
  await db?.close();
});

describe("findings with instances", () => {
  it("stores 16 observations on six pages as 3 findings with counts on the row", async () => {
    expect(results()).toHaveLength(16);
    const rows = await db.prisma.finding.findMany({ where: { domainId: t.domainId }, orderBy: { rule: "asc" } });
    expect(rows.map((r) => [r.rule, r.subjectKind, r.instancesCount, r.pagesCount])).toEqual([
      ["axe-image-alt", "element", 4, 4],
      ["perf-unminified-code", "asset", 6, 6],
      ["seo-canonical-missing", "site", 6, 6],
    ]);
    expect(rows[0].subject).toBe(".gallery > img");
    expect(rows[1].subject).toBe(`${O}/js/vendor.js`);
    expect(await db.prisma.findingInstance.count({ where: { findingId: ids["perf-unminified-code"] } })).toBe(6);
  });

  it("pages through a finding's instances with a cursor, and 404s another organization", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listFindingInstances({ orgId: t.orgId, findingId: ids["perf-unminified-code"], limit: 4, cursor }, db.prisma);
      seen.push(...page.items.map((i) => i.url));
      expect(page.items.every((i) => i.asset === `${O}/js/vendor.js` && i.snippet === "40 KB removable")).toBe(true);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...PAGES].sort());
    const err = await listFindingInstances({ orgId: other.orgId, findingId: ids["perf-unminified-code"], limit: 4 }, db.prisma).catch((e: unknown) => e);
    expect(isServiceError(err) && err.code).toBe("not_found");
  });

  it("finds a finding by the URL of any page it lists (q and url=)", async () => {
    const byQ = await listFindings({ orgId: t.orgId, limit: 50, q: "blog/rye" }, db.prisma);
    expect(byQ.items.map((f) => f.rule).sort()).toEqual(["perf-unminified-code", "seo-canonical-missing"]);
    const byUrl = await listFindings({ orgId: t.orgId, limit: 50, url: "/contact" }, db.prisma);
    expect(byUrl.items.map((f) => f.rule).sort()).toEqual(["axe-image-alt", "perf-unminified-code", "seo-canonical-missing"]);
    expect((await listFindings({ orgId: t.orgId, limit: 50, url: "/nowhere" }, db.prisma)).items).toEqual([]);
    expect((await listFindings({ orgId: other.orgId, limit: 50, url: "/contact" }, db.prisma)).items).toEqual([]);
  });

  it("requires a justification for false positive and accepted risk, single and bulk", async () => {
    const id = ids["seo-canonical-missing"];
    await rejects422(updateFinding(t.actor, { findingId: id, patch: { status: "false_positive" } }, db.prisma));
    await rejects422(updateFinding(t.actor, { findingId: id, patch: { status: "accepted_risk", justification: "   " } }, db.prisma));
    await rejects422(bulkUpdateFindings(t.actor, { ids: [id], status: "accepted_risk" }, db.prisma));
    await rejects422(updateFinding(t.actor, { findingId: id, patch: { status: "in_progress", acceptedUntil: new Date(Date.now() + 86_400_000) } }, db.prisma));
    expect((await db.prisma.finding.findUniqueOrThrow({ where: { id } })).status).toBe("open");
    await updateFinding(t.actor, { findingId: id, patch: { status: "false_positive", justification: "The CMS adds it at the edge" } }, db.prisma);
    await bulkUpdateFindings(t.actor, { ids: [ids["axe-image-alt"]], status: "in_progress" }, db.prisma);
    const events = await db.prisma.findingEvent.findMany({ where: { findingId: id } });
    expect(events).toEqual([expect.objectContaining({ actorId: t.userId, fromStatus: "open", toStatus: "false_positive", justification: "The CMS adds it at the edge" })]);
  });

  it("filters by a list of statuses", async () => {
    const open = await listFindings({ orgId: t.orgId, limit: 50, status: ["open", "in_progress"] }, db.prisma);
    expect(open.items.map((f) => f.rule).sort()).toEqual(["axe-image-alt", "perf-unminified-code"]);
    const sorted = await listFindingsSorted({ orgId: t.orgId, limit: 50, status: ["false_positive"], sort: "severity", direction: "asc" }, db.prisma);
    expect(sorted.items.map((f) => f.rule)).toEqual(["seo-canonical-missing"]);
  });

  it("re-opens an accepted risk once its expiry date has passed, with a history entry", async () => {
    const id = ids["perf-unminified-code"];
    const now = new Date();
    const until = new Date(now.getTime() + 7 * 86_400_000);
    await bulkUpdateFindings(t.actor, { ids: [id], status: "accepted_risk", justification: "Vendor fixes it next release", acceptedUntil: until, now }, db.prisma);
    expect(await db.prisma.finding.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "accepted_risk", acceptedUntil: until });
    expect(await reopenExpiredAcceptances(db.prisma, { now: new Date(until.getTime() - 1_000) })).toEqual({ reopened: 0 });
    expect(await reopenExpiredAcceptances(db.prisma, { now: new Date(until.getTime() + 1_000) })).toEqual({ reopened: 1 });
    expect(await db.prisma.finding.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "open", acceptedUntil: null });
    const last = await db.prisma.findingEvent.findFirstOrThrow({ where: { findingId: id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ kind: "expired", actorId: null, fromStatus: "accepted_risk", toStatus: "open" });
  });

  it("keeps instances and counts in step with the latest scan that saw the finding", async () => {
    const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["performance", "seo", "accessibility"] }));
    await markScanRunning({ scanId: scan.id }, db.prisma);
    const fewer = results().filter((r) => r.rule !== "perf-unminified-code" || r.url !== PAGES[5]);
    const now = new Date().toISOString();
    await recordScanResults({ scanId: scan.id, result: { ...scanResult(), started_at: now, findings: dedupe(fewer, O) } }, db.prisma);
    const row = await db.prisma.finding.findUniqueOrThrow({ where: { id: ids["perf-unminified-code"] } });
    expect(row).toMatchObject({ instancesCount: 5, pagesCount: 5, lastScanId: scan.id });
    expect(await db.prisma.findingInstance.count({ where: { findingId: row.id } })).toBe(5);
  });
});
