import type { Prisma } from "@/lib/db";
import type { Finding as ScannerFinding, Severity } from "@/lib/scanner/types";
import { isUniqueViolation } from "../prisma-errors";

const MAX_TEXT = 10_000;
const MAX_URLS = 200;

function cap(s: string | undefined | null, n = MAX_TEXT): string | null {
  if (s === undefined || s === null) return null;
  return s.length > n ? s.slice(0, n) : s;
}

export interface UpsertedFinding {
  id: string;
  severity: Severity;
  created: boolean;
  regressed: boolean;
}

/**
 * Stores one scan's findings by fingerprint for the domain, with an occurrence per (finding, scan).
 * - new fingerprint: a new open finding;
 * - known fingerprint: refreshed (text, urls, last seen; the engine's severity unless a person overrode it),
 *   triage status kept (accepted_risk/false_positive/in_progress stay as set);
 * - a resolved finding that is seen again is reopened and flagged as a regression.
 * Safe to run twice for the same scan: the reopen is guarded on status=resolved and the occurrence is unique.
 */
export async function upsertScanFindings(
  db: Prisma,
  input: { orgId: string; domainId: string; scanId: string; findings: ScannerFinding[]; now?: Date },
): Promise<UpsertedFinding[]> {
  const now = input.now ?? new Date();
  const out: UpsertedFinding[] = [];
  for (const f of input.findings) {
    const fields = {
      pillar: f.pillar,
      rule: cap(f.rule, 200)!,
      title: cap(f.title, 500)!,
      description: cap(f.description)!,
      fix: cap(f.fix)!,
      evidence: cap(f.evidence, 2_000),
      selector: cap(f.selector, 1_000),
      url: cap(f.url, 2_000)!,
      urls: f.urls.slice(0, MAX_URLS).map((u) => u.slice(0, 2_000)),
      lastSeenAt: now,
      lastScanId: input.scanId,
    };
    let existing = await db.finding.findUnique({
      where: { domainId_fingerprint: { domainId: input.domainId, fingerprint: f.fingerprint } },
    });
    let created = false;
    if (!existing) {
      try {
        existing = await db.finding.create({
          data: {
            ...fields,
            organizationId: input.orgId,
            domainId: input.domainId,
            fingerprint: f.fingerprint,
            severity: f.severity,
            firstSeenAt: now,
          },
        });
        created = true;
      } catch (err) {
        // Another scan of the same domain inserted it first; continue as an update.
        if (!isUniqueViolation(err)) throw err;
        existing = await db.finding.findUniqueOrThrow({
          where: { domainId_fingerprint: { domainId: input.domainId, fingerprint: f.fingerprint } },
        });
      }
    }
    let regressed = false;
    if (!created) {
      const reopened = await db.finding.updateMany({
        where: { id: existing.id, status: "resolved" },
        data: { status: "open", resolvedAt: null, regression: true, regressedAt: now, regressionCount: { increment: 1 } },
      });
      regressed = reopened.count === 1;
      existing = await db.finding.update({
        where: { id: existing.id },
        data: { ...fields, severity: existing.severityOverride ?? f.severity },
      });
    }
    await db.findingOccurrence.createMany({
      data: [
        {
          findingId: existing.id,
          scanId: input.scanId,
          severity: f.severity,
          urls: fields.urls,
          evidence: fields.evidence,
        },
      ],
      skipDuplicates: true,
    });
    out.push({ id: existing.id, severity: existing.severity, created, regressed });
  }
  return out;
}
