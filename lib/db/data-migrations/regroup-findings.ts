// Regroups findings stored before "one finding per root cause": rows of one (domain, rule, subject) become one
// finding whose instances are the old rows' pages. The survivor takes the most open status, the assignee of
// the most recently triaged row, every occurrence, task, verification and history entry (old audit-log
// triage entries are copied into FindingEvent), and the new fingerprint, which later scans then match.
import { createHash } from "node:crypto";
import type { PrismaNS } from "../index";
import { pathTemplate } from "@/lib/scanner/crawl/url";
import { fingerprintHost } from "@/lib/scanner/dedupe";
import { subjectFingerprint, subjectKey, subjectKindOf, type SubjectKind } from "@/lib/scanner/subject";
import type { FindingStatus, Severity } from "@/generated/prisma/client";

type Tx = PrismaNS.TransactionClient;

/** Most open first: a merged finding stays as open as its most open part. */
export const OPENNESS: readonly FindingStatus[] = ["open", "in_progress", "accepted_risk", "false_positive", "resolved"];
const SEVERITY_RANK: readonly Severity[] = ["critical", "high", "medium", "low", "info"];

interface OldRow {
  id: string;
  organizationId: string;
  domainId: string;
  fingerprint: string;
  pillar: string;
  rule: string;
  severity: Severity;
  severityOverride: Severity | null;
  status: FindingStatus;
  title: string;
  description: string;
  evidence: string | null;
  selector: string | null;
  url: string;
  urls: string[];
  assigneeId: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  lastScanId: string | null;
  resolvedAt: Date | null;
  regression: boolean;
  regressedAt: Date | null;
  regressionCount: number;
  updatedAt: Date;
}

/** The fingerprint formula before subjects: sha256(host, pillar, rule, location, key ?? selector ?? ""). */
function oldFingerprint(host: string, row: Pick<OldRow, "pillar" | "rule">, location: string, discriminator: string): string {
  return createHash("sha256").update([host, row.pillar, row.rule, location, discriminator].join("\u0000")).digest("hex");
}

/**
 * The old rows stored no key (cookie name, header, host, file…), but their fingerprint hashed it: try the
 * words, lines and URLs of the row's own text and keep the candidate that reproduces the fingerprint.
 */
function recoverKey(row: OldRow, host: string): string | null | undefined {
  const locations = ["*", pathTemplate(row.url)];
  const text = [row.title, row.description, row.evidence ?? ""].join("\n");
  const candidates = new Set<string>(["", "first-party", "third-party"]);
  if (row.selector) candidates.add(row.selector);
  for (const line of text.split("\n")) {
    candidates.add(line.trim());
    for (const word of line.split(/[\s,;()<>"'`]+/)) {
      if (!word) continue;
      candidates.add(word);
      candidates.add(word.replace(/[.:]+$/, ""));
      const q = word.search(/[?#]/);
      if (q > 0) candidates.add(word.slice(0, q));
    }
  }
  for (const loc of locations) {
    for (const c of candidates) {
      if (oldFingerprint(host, row, loc, c) === row.fingerprint) return c === "" || c === row.selector ? undefined : c;
    }
  }
  return null; // not recoverable
}

function subjectOf(row: OldRow, host: string): { kind: SubjectKind; subject: string } {
  const kind = subjectKindOf(row.rule);
  const recovered = recoverKey(row, host);
  const key = recovered ?? undefined;
  if (kind === "asset" && recovered === null) {
    // One file named in the evidence is the asset (e.g. an unminified script); otherwise keep the row apart.
    const urls = (row.evidence ?? "").match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    const distinct = [...new Set(urls.map((u) => u.replace(/[?#].*$/, "")))];
    if (distinct.length === 1) return { kind, subject: distinct[0] };
    return { kind, subject: `legacy:${row.fingerprint}` };
  }
  return { kind, subject: subjectKey(kind, { rule: row.rule, url: row.url, key, selector: row.selector ?? undefined }) };
}

const openness = (s: FindingStatus) => OPENNESS.indexOf(s);

export async function regroupFindings(tx: Tx): Promise<void> {
  // A database migrated from another set of migrations (the applier's own tests) has no findings to regroup.
  const [{ present }] = await tx.$queryRawUnsafe<{ present: boolean }[]>(`SELECT to_regclass('"Finding"') IS NOT NULL AS present`);
  if (!present) return;
  const domains = await tx.domain.findMany({ select: { id: true, host: true } });
  for (const domain of domains) {
    const rows = (await tx.finding.findMany({ where: { domainId: domain.id }, orderBy: { firstSeenAt: "asc" } })) as OldRow[];
    if (rows.length === 0) continue;
    const host = fingerprintHost(`http://${domain.host}`);
    const groups = new Map<string, { kind: SubjectKind; subject: string; rows: OldRow[] }>();
    for (const row of rows) {
      const { kind, subject } = subjectOf(row, host);
      const fp = subjectFingerprint(host, row.pillar as Parameters<typeof subjectFingerprint>[1], row.rule, subject);
      const g = groups.get(fp) ?? { kind, subject, rows: [] };
      g.rows.push(row);
      groups.set(fp, g);
    }
    const audit = await tx.auditEvent.findMany({
      where: { targetType: "finding", action: { in: ["finding.update", "finding.bulk_update"] } },
      orderBy: { createdAt: "asc" },
    });
    for (const [fp, g] of groups) await mergeGroup(tx, fp, g, audit);
  }
}

type Audit = { id: string; action: string; targetId: string | null; actorUserId: string | null; metadata: unknown; createdAt: Date };

function auditFor(audit: Audit[], id: string): Audit[] {
  return audit.filter((a) => {
    if (a.targetId === id) return true;
    const ids = (a.metadata as { ids?: unknown } | null)?.ids;
    return Array.isArray(ids) && ids.includes(id);
  });
}

async function mergeGroup(tx: Tx, fp: string, g: { kind: SubjectKind; subject: string; rows: OldRow[] }, audit: Audit[]): Promise<void> {
  const rows = g.rows;
  const survivor = [...rows].sort((a, b) => openness(a.status) - openness(b.status) || a.firstSeenAt.getTime() - b.firstSeenAt.getTime())[0];
  const losers = rows.filter((r) => r.id !== survivor.id);
  const status = survivor.status;
  // The assignee of the row people touched last (its last triage entry, else its last update).
  const triagedAt = (r: OldRow) => Math.max(0, ...auditFor(audit, r.id).map((a) => a.createdAt.getTime()));
  const lastTriaged = [...rows].sort((a, b) => triagedAt(b) - triagedAt(a) || b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  const newest = [...rows].sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())[0];
  const urls = [...new Set(rows.flatMap((r) => (r.urls.length ? r.urls : [r.url])))].slice(0, 200);
  const severity = SEVERITY_RANK[Math.min(...rows.map((r) => SEVERITY_RANK.indexOf(r.severity)))];
  const override = rows.find((r) => r.severityOverride)?.severityOverride ?? null;

  // History: every old triage entry of every merged row, as FindingEvent rows of the survivor.
  for (const r of rows) {
    for (const a of auditFor(audit, r.id)) {
      const m = (a.metadata ?? {}) as { status?: unknown };
      const change = Array.isArray(m.status) ? m.status : typeof m.status === "string" ? [null, m.status] : null;
      await tx.findingEvent.create({
        data: {
          findingId: survivor.id,
          organizationId: survivor.organizationId,
          actorId: a.actorUserId,
          kind: change ? "status" : "triage",
          fromStatus: (change?.[0] as FindingStatus | null) ?? null,
          toStatus: (change?.[1] as FindingStatus | null) ?? null,
          createdAt: a.createdAt,
        },
      });
    }
  }
  if (losers.length > 0) {
    const loserIds = losers.map((l) => l.id);
    await tx.findingEvent.updateMany({ where: { findingId: { in: loserIds } }, data: { findingId: survivor.id } });
    const links = await tx.taskFinding.findMany({ where: { findingId: { in: loserIds } }, select: { taskId: true } });
    if (links.length > 0) {
      await tx.taskFinding.createMany({ data: links.map((l) => ({ taskId: l.taskId, findingId: survivor.id })), skipDuplicates: true });
      await tx.taskFinding.deleteMany({ where: { findingId: { in: loserIds } } });
    }
    await tx.verification.updateMany({ where: { findingId: { in: loserIds } }, data: { findingId: survivor.id } });
    // Occurrences: one per (finding, scan). Move those of scans the survivor lacks, fold the rest into it.
    const mine = await tx.findingOccurrence.findMany({ where: { findingId: survivor.id } });
    const byScan = new Map(mine.map((o) => [o.scanId, o]));
    for (const occ of await tx.findingOccurrence.findMany({ where: { findingId: { in: loserIds } }, orderBy: { createdAt: "asc" } })) {
      const kept = byScan.get(occ.scanId);
      if (!kept) {
        const moved = await tx.findingOccurrence.update({ where: { id: occ.id }, data: { findingId: survivor.id } });
        byScan.set(occ.scanId, moved);
        continue;
      }
      const merged = [...new Set([...kept.urls, ...occ.urls])].slice(0, 200);
      const worse = SEVERITY_RANK.indexOf(occ.severity) < SEVERITY_RANK.indexOf(kept.severity) ? occ.severity : kept.severity;
      byScan.set(occ.scanId, await tx.findingOccurrence.update({ where: { id: kept.id }, data: { urls: merged, severity: worse } }));
      await tx.findingOccurrence.delete({ where: { id: occ.id } });
    }
    await tx.findingEvent.create({
      data: {
        findingId: survivor.id,
        organizationId: survivor.organizationId,
        kind: "merged",
        justification: `Merged ${rows.length} findings of the same root cause (one per page before).`,
      },
    });
    await tx.finding.deleteMany({ where: { id: { in: loserIds } } });
  }

  // Instances: the pages (and element) each old row was seen on, as of that row's last scan.
  const instances = new Map<string, { url: string; selector: string; lastScanId: string | null; firstSeenAt: Date; lastSeenAt: Date }>();
  for (const r of rows) {
    const selector = g.kind === "element" ? (r.selector ?? "") : "";
    for (const url of r.urls.length ? r.urls : [r.url]) {
      const k = `${url}\u0000${selector}`;
      const prev = instances.get(k);
      if (!prev || prev.lastSeenAt < r.lastSeenAt) instances.set(k, { url, selector, lastScanId: r.lastScanId, firstSeenAt: r.firstSeenAt, lastSeenAt: r.lastSeenAt });
    }
  }
  await tx.findingInstance.deleteMany({ where: { findingId: survivor.id } });
  await tx.findingInstance.createMany({ data: [...instances.values()].map((i) => ({ ...i, findingId: survivor.id })), skipDuplicates: true });

  await tx.finding.update({
    where: { id: survivor.id },
    data: {
      fingerprint: fp,
      subjectKind: g.kind,
      subject: g.subject.slice(0, 1_000),
      status,
      severity: override ?? severity,
      severityOverride: override,
      assigneeId: lastTriaged.assigneeId,
      urls,
      url: survivor.url,
      firstSeenAt: new Date(Math.min(...rows.map((r) => r.firstSeenAt.getTime()))),
      lastSeenAt: newest.lastSeenAt,
      lastScanId: newest.lastScanId,
      resolvedAt: status === "resolved" ? new Date(Math.max(...rows.map((r) => r.resolvedAt?.getTime() ?? 0))) : null,
      regression: rows.some((r) => r.regression && r.status !== "resolved"),
      regressedAt: rows.reduce<Date | null>((d, r) => (r.regressedAt && (!d || r.regressedAt > d) ? r.regressedAt : d), null),
      regressionCount: rows.reduce((n, r) => n + r.regressionCount, 0),
      instancesCount: instances.size,
      pagesCount: new Set([...instances.values()].map((i) => i.url)).size,
    },
  });
}
