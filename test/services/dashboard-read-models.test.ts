import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/db";
import { setDatabase, type Database } from "@/lib/db";
import type { Pillar, Severity } from "@/lib/scanner/types";
import { listDirectoryDomains } from "@/lib/services/directory/list-directory-domains";
import { listDomainSummaries } from "@/lib/services/domains/list-domain-summaries";
import { countOpenFindingsBySeverity } from "@/lib/services/findings/count-open-findings";
import { countScanFindings } from "@/lib/services/scans/count-scan-findings";
import { getScanChanges } from "@/lib/services/scans/get-scan-changes";
import { listDomainScoreHistory } from "@/lib/services/scans/list-domain-score-history";
import { listScanPages } from "@/lib/services/scans/list-scan-pages";

// The dashboard's read models (domain list, scan result, overview, directory) on the real database.

describe("dashboard read models", () => {
  let db: Database;
  let orgA: string;
  let orgB: string;
  let domainId: string;
  let scan1: string;
  let scan2: string;
  let t = Date.parse("2026-01-01T00:00:00Z");
  const next = () => new Date((t += 60_000));

  async function scan(org: string, domain: string, opts: { status?: "succeeded" | "failed"; score?: number; pillars?: Pillar[] } = {}) {
    const createdAt = next();
    const s = await db.prisma.scan.create({
      data: {
        organizationId: org,
        domainId: domain,
        status: opts.status ?? "succeeded",
        pillars: opts.pillars ?? ["accessibility", "security"],
        score: opts.status === "failed" ? null : (opts.score ?? 80),
        grade: opts.status === "failed" ? null : "B",
        scores: { accessibility: 90, security: 70 },
        createdAt,
        finishedAt: createdAt,
      },
    });
    return s.id;
  }

  async function finding(org: string, domain: string, key: string, pillar: Pillar, severity: Severity, scans: string[], status: "open" | "resolved" = "open") {
    const f = await db.prisma.finding.create({
      data: {
        organizationId: org,
        domainId: domain,
        fingerprint: `fp-${key}`,
        pillar,
        rule: `rule-${key}`,
        severity,
        status,
        title: `Finding ${key}`,
        description: "d",
        fix: "f",
        url: "https://a.example/",
        urls: ["https://a.example/"],
      },
    });
    for (const scanId of scans) await db.prisma.findingOccurrence.create({ data: { findingId: f.id, scanId, severity, urls: [] } });
    return f.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    orgA = (await db.prisma.organization.create({ data: { name: "A", slug: "rm-a" } })).id;
    orgB = (await db.prisma.organization.create({ data: { name: "B", slug: "rm-b" } })).id;
    const d = await db.prisma.domain.create({
      data: { organizationId: orgA, host: "a.example", verifyToken: "secret-token", verifiedAt: new Date(), directoryEnabled: true, lastScore: 80, lastGrade: "B", organizationName: "A Ltd" },
    });
    domainId = d.id;
    // Verified but not opted in, and opted in but not verified: neither is in the directory.
    await db.prisma.domain.create({ data: { organizationId: orgA, host: "quiet.example", verifyToken: "t2", verifiedAt: new Date() } });
    await db.prisma.domain.create({ data: { organizationId: orgB, host: "unverified.example", verifyToken: "t3", directoryEnabled: true } });

    scan1 = await scan(orgA, domainId, { score: 70 });
    await scan(orgA, domainId, { status: "failed" });
    scan2 = await scan(orgA, domainId, { score: 85 });
    await finding(orgA, domainId, "kept", "security", "high", [scan1, scan2]);
    await finding(orgA, domainId, "fixed", "accessibility", "medium", [scan1], "resolved");
    await finding(orgA, domainId, "new", "accessibility", "low", [scan2]);
    // Seen before on a pillar the second scan did not cover would be "fixed" only if it had been checked.
    await finding(orgA, domainId, "uncovered", "seo", "info", [scan1]);
    await db.prisma.scanPage.create({ data: { scanId: scan2, url: "https://a.example/", status: 200, title: "<b>Home</b>" } });
  });

  afterAll(async () => {
    setDatabase(undefined);
    await db?.close();
  });

  it("new vs fixed since the previous succeeded scan, ignoring pillars the scan did not cover", async () => {
    const changes = await getScanChanges({ orgId: orgA, scanId: scan2 });
    expect(changes.previousScanId).toBe(scan1);
    expect(changes.added.map((f) => f.title)).toEqual(["Finding new"]);
    expect(changes.fixed.map((f) => f.title)).toEqual(["Finding fixed"]);
    const first = await getScanChanges({ orgId: orgA, scanId: scan1 });
    expect(first).toEqual({ previousScanId: null, added: [], fixed: [] });
    await expect(getScanChanges({ orgId: orgB, scanId: scan2 })).rejects.toMatchObject({ code: "not_found" });
  });

  it("counts a scan's findings per pillar and severity, and the organization's open findings", async () => {
    const counts = await countScanFindings({ orgId: orgA, scanId: scan2 });
    expect(counts.sort((x, y) => x.pillar.localeCompare(y.pillar))).toEqual([
      { pillar: "accessibility", severity: "low", count: 1 },
      { pillar: "security", severity: "high", count: 1 },
    ]);
    expect(await countScanFindings({ orgId: orgB, scanId: scan2 })).toEqual([]);
    expect(await countOpenFindingsBySeverity(orgA)).toEqual({ critical: 0, high: 1, medium: 0, low: 1, info: 1 });
    expect(await countOpenFindingsBySeverity(orgB)).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
  });

  it("score history: the composed result after each succeeded scan, oldest first, scoped to the organization", async () => {
    const history = await listDomainScoreHistory({ orgId: orgA, domainId });
    // Composed from the pillar scores (90 and 70), not the scans' own score fields.
    expect(history.map((h) => [h.scanId, h.score])).toEqual([
      [scan1, 80],
      [scan2, 80],
    ]);
    expect(history[0].scores).toEqual({ accessibility: 90, security: 70 });
    expect(await listDomainScoreHistory({ orgId: orgB, domainId })).toEqual([]);
  });

  it("domain summaries carry the latest scan of any status and stay within the organization", async () => {
    const a = await listDomainSummaries(orgA);
    const main = a.find((d) => d.id === domainId);
    expect(main?.lastScan?.id).toBe(scan2);
    expect(a.map((d) => d.host).sort()).toEqual(["a.example", "quiet.example"]);
    expect((await listDomainSummaries(orgB)).map((d) => d.host)).toEqual(["unverified.example"]);
  });

  it("scan pages are read through the scan's organization", async () => {
    expect((await listScanPages({ orgId: orgA, scanId: scan2 })).map((p) => p.title)).toEqual(["<b>Home</b>"]);
    expect(await listScanPages({ orgId: orgB, scanId: scan2 })).toEqual([]);
  });

  it("the public directory lists only verified, opted-in domains and exposes no secrets", async () => {
    const listed = await listDirectoryDomains();
    expect(listed.map((d) => d.host)).toEqual(["a.example"]);
    expect(Object.keys(listed[0]).sort()).toEqual(["description", "grade", "host", "id", "organizationName", "scannedAt", "scheme", "score"]);
    expect(listed[0]).toMatchObject({ score: 80, grade: "C" });
    expect(JSON.stringify(listed)).not.toContain("secret-token");
  });

  it("lists a host once when two organizations verified it: the latest verification, as on its public page", async () => {
    const older = new Date(Date.now() - 86_400_000);
    await db.prisma.domain.create({
      data: { organizationId: orgB, host: "shared.example", verifyToken: "t4", verifiedAt: older, directoryEnabled: true, organizationName: "Old owner" },
    });
    await db.prisma.domain.create({
      data: { organizationId: orgA, host: "shared.example", verifyToken: "t5", verifiedAt: new Date(), directoryEnabled: true, organizationName: "New owner" },
    });
    const shared = (await listDirectoryDomains({ q: "shared", sort: "name" })).filter((d) => d.host === "shared.example");
    expect(shared.map((d) => d.organizationName)).toEqual(["New owner"]);
  });
});
