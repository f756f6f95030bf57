// A domain with one finished scan (all pillars scored) and open findings, written straight to the database: the
// input of domain, portfolio and scheduled reports in tests, without running the scanner.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db";
import { PILLARS } from "@/lib/scanner/types";

export interface SeedFinding {
  rule: string;
  severity: "critical" | "high" | "medium" | "low" | "info";
  pages: number;
}

export async function seedScannedDomain(db: Prisma, orgId: string, opts: { host: string; score: number; grade: string; findings: SeedFinding[]; finishedAt?: Date }): Promise<{ domainId: string; scanId: string }> {
  const finishedAt = opts.finishedAt ?? new Date(Date.now() - 3_600_000);
  const domain = await db.domain.create({ data: { organizationId: orgId, host: opts.host, scheme: "https", verifyToken: `t-${randomBytes(4).toString("hex")}`, verifiedAt: new Date(), verificationMethod: "file", pageCount: 2 } });
  const summary = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of opts.findings) summary[f.severity] += 1;
  const scan = await db.scan.create({
    data: {
      organizationId: orgId, domainId: domain.id, status: "succeeded", pillars: [...PILLARS], maxPages: 2, startedAt: new Date(finishedAt.getTime() - 60_000), finishedAt,
      scores: Object.fromEntries(PILLARS.map((p, i) => [p, Math.max(0, Math.min(100, opts.score + (i % 3) - 1))])), score: opts.score, grade: opts.grade, securityGrade: opts.grade,
      summary,
    },
  });
  for (const url of [`https://${opts.host}/`, `https://${opts.host}/about`]) {
    await db.scanPage.create({ data: { scanId: scan.id, url, status: 200, title: `Page of ${opts.host}`, lcpMs: 1800, fcpMs: 900, ttfbMs: 120, tbtMs: 80, cls: 0.02, perfScore: 85, bytes: 20_000 } });
  }
  for (const f of opts.findings) {
    const urls = Array.from({ length: f.pages }, (_, i) => `https://${opts.host}/p${i}`);
    const row = await db.finding.create({
      data: {
        organizationId: orgId, domainId: domain.id, fingerprint: `fp-${opts.host}-${f.rule}`, pillar: f.rule.startsWith("sec") ? "security" : "seo", rule: f.rule, severity: f.severity,
        status: "open", title: `${f.rule} on ${opts.host}`, description: "d", fix: `Fix ${f.rule}`, url: urls[0], urls, pagesCount: f.pages, instancesCount: f.pages, lastScanId: scan.id,
      },
    });
    await db.findingOccurrence.create({ data: { findingId: row.id, scanId: scan.id, severity: f.severity, urls } });
  }
  return { domainId: domain.id, scanId: scan.id };
}
