import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import type { Finding, ScanResult } from "@/lib/scanner/types";
import { bulkUpdateFindings } from "@/lib/services/findings/bulk-update-findings";
import { listFindings } from "@/lib/services/findings/list-findings";
import { updateFinding } from "@/lib/services/findings/update-finding";
import { listRegressions } from "@/lib/services/regressions/list-regressions";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { getScan } from "@/lib/services/scans/get-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recordScanResults } from "@/lib/services/scans/record-scan-results";
import { settleScan } from "@/lib/services/scans/settle-scan";
import { createTestDatabase } from "@/test/support/db";
import { seedTenant, type SeededTenant } from "./seed";

const ORIGIN = "https://shop.example";

function finding(fingerprint: string, over: Partial<Finding> = {}): Finding {
  return {
    pillar: "accessibility",
    rule: "axe-image-alt",
    severity: "high",
    title: "Images must have alternative text",
    description: "An image has no alt attribute.",
    url: `${ORIGIN}/`,
    urls: [`${ORIGIN}/`],
    evidence: "<img src=a.png>",
    selector: "img.hero",
    fix: "Add an alt attribute.",
    fingerprint,
    ...over,
  };
}

function result(pages: string[], findings: Finding[], failedPages: string[] = []): ScanResult {
  return {
    target: ORIGIN,
    started_at: new Date().toISOString(),
    finished_at: new Date().toISOString(),
    pages: [...pages.map((url) => ({ url, status: 200 })), ...failedPages.map((url) => ({ url, status: null, error: "timeout" }))],
    scores: { accessibility: 80, security: 70 },
    score: 75,
    grade: "C",
    security_grade: "B",
    findings,
    checks: [],
    timings: { gather: 10 },
  };
}

let db: Database;
let t: SeededTenant;

async function runScan(res: ScanResult) {
  const { scan } = await db.prisma.$transaction((tx) =>
    createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["accessibility", "security"] }),
  );
  await markScanRunning({ scanId: scan.id }, db.prisma);
  await db.prisma.scanPage.createMany({ data: res.pages.map((p) => ({ scanId: scan.id, url: p.url, outcome: "pending" })) });
  const recorded = await recordScanResults({ scanId: scan.id, result: res }, db.prisma);
  const settled = await settleScan({ scanId: scan.id, erroredRules: recorded.erroredRules }, db.prisma);
  return { scanId: scan.id, recorded, settled };
}

async function byFingerprint(fp: string) {
  return db.prisma.finding.findUniqueOrThrow({ where: { domainId_fingerprint: { domainId: t.domainId, fingerprint: fp } } });
}

beforeAll(async () => {
  db = await createTestDatabase();
  t = await seedTenant(db.prisma, { credits: 1000 });
});
afterAll(async () => {
  await db?.close();
});

describe("findings across scans", () => {
  const home = `${ORIGIN}/`;
  const about = `${ORIGIN}/about`;
  const blog = `${ORIGIN}/blog`;
  const A = finding("fp-a");
  const B = finding("fp-b", { url: about, urls: [about], selector: "img.team" });
  const C = finding("fp-c", { pillar: "security", rule: "security-txt-missing", url: `${ORIGIN}/.well-known/security.txt`, urls: [`${ORIGIN}/.well-known/security.txt`], severity: "low", selector: undefined });
  const D = finding("fp-d", { url: blog, urls: [blog] });
  const E = finding("fp-e", { urls: [home, about], severity: "medium" });
  let firstScan: string;

  it("stores a scan's findings once per fingerprint, with occurrences, idempotently", async () => {
    const res = result([home, about, blog], [A, B, C, D, E]);
    const { scanId, recorded, settled } = await runScan(res);
    firstScan = scanId;
    expect(recorded).toMatchObject({ findings: 5, created: 5, regressed: 0, pagesOk: 3, pagesFailed: 0 });
    expect(settled).toMatchObject({ settled: true, status: "succeeded", resolved: 0, regressions: 0 });
    // The same step re-run after a crash converges: no duplicate findings or occurrences.
    await recordScanResults({ scanId, result: res }, db.prisma);
    expect(await db.prisma.finding.count({ where: { domainId: t.domainId } })).toBe(5);
    expect(await db.prisma.findingOccurrence.count({ where: { scanId } })).toBe(5);
    const detail = await getScan({ orgId: t.orgId, scanId }, db.prisma);
    expect(detail.scan).toMatchObject({ score: 75, grade: "C", securityGrade: "B", pagesDone: 3, pagesTotal: 3 });
    expect(detail.scan.summary).toEqual({ critical: 0, high: 3, medium: 1, low: 1, info: 0 });
    expect(detail.findings.map((f) => f.severity)).toEqual(["high", "high", "high", "medium", "low"]);
    const domain = await db.prisma.domain.findUniqueOrThrow({ where: { id: t.domainId } });
    expect(domain).toMatchObject({ lastScanId: scanId, lastScore: 75, lastGrade: "C" });
  });

  it("resolves what a full re-scan no longer sees, keeps what it could not check and what people decided", async () => {
    await updateFinding(t.actor, { findingId: (await byFingerprint("fp-e")).id, patch: { status: "accepted_risk", justification: "Known and tolerated" } }, db.prisma);
    // /blog fails to load this time, so D (seen only there) can't be judged; A is still there.
    const { settled } = await runScan(result([home, about], [A], [blog]));
    expect(settled.resolved).toBe(2);
    expect(await byFingerprint("fp-a")).toMatchObject({ status: "open", resolvedAt: null });
    expect(await byFingerprint("fp-b")).toMatchObject({ status: "resolved", resolution: "scan" });
    expect((await byFingerprint("fp-b")).resolvedAt).toBeInstanceOf(Date);
    expect(await byFingerprint("fp-c")).toMatchObject({ status: "resolved" }); // site-level check, site reachable
    expect(await byFingerprint("fp-d")).toMatchObject({ status: "open" });
    expect(await byFingerprint("fp-e")).toMatchObject({ status: "accepted_risk", resolvedAt: null });
  });

  it("does not resolve findings of pillars the scan did not run, or of checks that errored", async () => {
    const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["seo"] }));
    await markScanRunning({ scanId: scan.id }, db.prisma);
    await recordScanResults({ scanId: scan.id, result: result([home, about, blog], []) }, db.prisma);
    expect(await settleScan({ scanId: scan.id }, db.prisma)).toMatchObject({ resolved: 0 });

    const { scan: s2 } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["accessibility"] }));
    await markScanRunning({ scanId: s2.id }, db.prisma);
    await recordScanResults({ scanId: s2.id, result: result([home, about, blog], []) }, db.prisma);
    expect(await settleScan({ scanId: s2.id, erroredRules: ["axe-image-alt"] }, db.prisma)).toMatchObject({ resolved: 0 });
    expect(await byFingerprint("fp-a")).toMatchObject({ status: "open" });
  });

  it("reopens a resolved finding that comes back as a regression", async () => {
    const before = await byFingerprint("fp-b");
    const { scanId, recorded, settled } = await runScan(result([home, about, blog], [A, { ...B, evidence: "<img src=b2.png>" }, D]));
    expect(recorded.regressed).toBe(1);
    expect(settled.regressions).toBe(1);
    const b = await byFingerprint("fp-b");
    expect(b).toMatchObject({ status: "open", resolvedAt: null, resolution: null, regression: true, regressionCount: 1, lastScanId: scanId, evidence: "<img src=b2.png>" });
    expect(b.regressedAt).toBeInstanceOf(Date);
    expect(b.firstSeenAt).toEqual(before.firstSeenAt);
    expect(await db.prisma.findingOccurrence.count({ where: { findingId: b.id } })).toBe(2);

    const regressions = await listRegressions({ orgId: t.orgId, limit: 10 }, db.prisma);
    expect(regressions.items.map((f) => f.fingerprint)).toEqual(["fp-b"]);
  });

  it("keeps a person's severity override across scans and can drop it again", async () => {
    const a = await byFingerprint("fp-a");
    const updated = await updateFinding(t.actor, { findingId: a.id, patch: { severity: "low", assigneeId: t.userId } }, db.prisma);
    expect(updated).toMatchObject({ severity: "low", severityOverride: "low", assigneeId: t.userId });
    await runScan(result([home, about, blog], [A, B, D]));
    expect(await byFingerprint("fp-a")).toMatchObject({ severity: "low", severityOverride: "low" });
    const restored = await updateFinding(t.actor, { findingId: a.id, patch: { severity: null } }, db.prisma);
    expect(restored).toMatchObject({ severity: "high", severityOverride: null });
  });

  it("refuses assignees outside the organization and findings of other organizations", async () => {
    const other = await seedTenant(db.prisma);
    const a = await byFingerprint("fp-a");
    await expect(updateFinding(t.actor, { findingId: a.id, patch: { assigneeId: other.userId } }, db.prisma)).rejects.toMatchObject({
      code: "invalid_params",
    });
    await expect(updateFinding(other.actor, { findingId: a.id, patch: { status: "resolved" } }, db.prisma)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(bulkUpdateFindings(other.actor, { ids: [a.id], status: "resolved" }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    expect(await byFingerprint("fp-a")).toMatchObject({ status: "open" });
  });

  it("lists with filters, text search and cursor pagination; bulk triage", async () => {
    const all = await listFindings({ orgId: t.orgId, limit: 100 }, db.prisma);
    expect(all.items).toHaveLength(5);
    const p1 = await listFindings({ orgId: t.orgId, limit: 2 }, db.prisma);
    const p2 = await listFindings({ orgId: t.orgId, limit: 2, cursor: p1.nextCursor! }, db.prisma);
    const p3 = await listFindings({ orgId: t.orgId, limit: 2, cursor: p2.nextCursor! }, db.prisma);
    expect([...p1.items, ...p2.items, ...p3.items].map((f) => f.id)).toEqual(all.items.map((f) => f.id));
    expect(p3.nextCursor).toBeNull();

    expect((await listFindings({ orgId: t.orgId, limit: 100, pillar: "security" }, db.prisma)).items.map((f) => f.fingerprint)).toEqual(["fp-c"]);
    expect((await listFindings({ orgId: t.orgId, limit: 100, q: "SECURITY.TXT" }, db.prisma)).items.map((f) => f.fingerprint)).toEqual(["fp-c"]);
    expect((await listFindings({ orgId: t.orgId, limit: 100, q: "/blog" }, db.prisma)).items.map((f) => f.fingerprint)).toEqual(["fp-d"]);
    expect((await listFindings({ orgId: t.orgId, limit: 100, status: "accepted_risk" }, db.prisma)).items).toHaveLength(1);
    expect((await listFindings({ orgId: t.orgId, limit: 100, scanId: firstScan }, db.prisma)).items).toHaveLength(5);
    const other = await seedTenant(db.prisma);
    expect((await listFindings({ orgId: other.orgId, limit: 100 }, db.prisma)).items).toHaveLength(0);

    const ids = all.items.filter((f) => f.status === "open").map((f) => f.id);
    expect(await bulkUpdateFindings(t.actor, { ids, status: "in_progress", severity: "medium" }, db.prisma)).toEqual({ updated: ids.length });
    const after = await listFindings({ orgId: t.orgId, limit: 100, status: "in_progress" }, db.prisma);
    expect(after.items.map((f) => f.id).sort()).toEqual([...ids].sort());
    expect(after.items.every((f) => f.severity === "medium")).toBe(true);
    expect(await db.prisma.auditEvent.count({ where: { organizationId: t.orgId, action: "finding.bulk_update" } })).toBe(1);
  });

  it("records how a finding was resolved: manual by a member, cleared when it reopens", async () => {
    const a = await byFingerprint("fp-a");
    expect(await updateFinding(t.actor, { findingId: a.id, patch: { status: "resolved" } }, db.prisma)).toMatchObject({ resolution: "manual" });
    expect(await updateFinding(t.actor, { findingId: a.id, patch: { status: "open" } }, db.prisma)).toMatchObject({ resolution: null, resolvedAt: null });
    await bulkUpdateFindings(t.actor, { ids: [a.id], status: "resolved" }, db.prisma);
    expect(await byFingerprint("fp-a")).toMatchObject({ status: "resolved", resolution: "manual" });
    await bulkUpdateFindings(t.actor, { ids: [a.id], status: "open" }, db.prisma);
    expect(await byFingerprint("fp-a")).toMatchObject({ status: "open", resolution: null });
  });
});
