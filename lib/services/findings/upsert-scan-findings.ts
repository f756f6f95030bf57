import { randomUUID } from "node:crypto";
import type { Prisma, PrismaNS } from "@/lib/db";
import { MAX_INSTANCES_PER_FINDING, capSnippet } from "@/lib/scanner/dedupe";
import { subjectKey, subjectKindOf } from "@/lib/scanner/subject";
import type { Finding as ScannerFinding, FindingInstance, Severity } from "@/lib/scanner/types";
import { reopenClaimedUpstream } from "../integrations/reopen-claimed-upstream";

const MAX_TEXT = 10_000;
const MAX_URLS = 200;
/** Findings written per transaction: each batch is one statement per table. */
export const UPSERT_BATCH = 250;
/** Instance rows per INSERT statement (parameters travel as one JSON document). */
const INSTANCE_CHUNK = 2_000;

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

type Tx = PrismaNS.TransactionClient;

/** A scanner finding's instances; hand-built findings without them get one per URL. */
export function instancesOf(f: ScannerFinding): FindingInstance[] {
  if (f.instances && f.instances.length > 0) return f.instances;
  const urls = f.urls.length > 0 ? f.urls : [f.url];
  return urls.map((url) => (f.selector ? { url, selector: f.selector } : { url }));
}

function rowOf(f: ScannerFinding, now: string, scanId: string) {
  const kind = f.subjectKind ?? subjectKindOf(f.rule);
  const instances = instancesOf(f);
  const urls = f.urls.slice(0, MAX_URLS).map((u) => u.slice(0, 2_000));
  return {
    id: randomUUID(),
    fingerprint: f.fingerprint,
    pillar: f.pillar,
    rule: cap(f.rule, 200)!,
    severity: f.severity,
    title: cap(f.title, 500)!,
    description: cap(f.description)!,
    fix: cap(f.fix)!,
    evidence: cap(f.evidence, 2_000),
    selector: cap(f.selector, 1_000),
    url: cap(f.url, 2_000)!,
    urls,
    subject_kind: kind,
    subject: cap(f.subject ?? subjectKey(kind, { rule: f.rule, url: f.url, key: f.key, selector: f.selector }), 1_000),
    instances_count: Math.max(f.instanceCount ?? 0, instances.length),
    pages_count: new Set(instances.map((i) => i.url)).size || urls.length,
    now,
    scan_id: scanId,
  };
}

/**
 * Stores one scan's findings by fingerprint for the domain, with their instances and an occurrence per
 * (finding, scan). Per batch of UPSERT_BATCH findings, in one transaction: one INSERT … ON CONFLICT for the
 * findings, one (per INSTANCE_CHUNK rows) for the instances, one DELETE of instances this scan no longer saw
 * on those findings, one INSERT for the occurrences.
 * - new fingerprint: a new open finding;
 * - known fingerprint: refreshed (text, urls, counts, last seen; the engine's severity unless a person
 *   overrode it), triage status kept (accepted_risk/false_positive/in_progress stay as set);
 * - a resolved finding that is seen again is reopened and flagged as a regression.
 * Safe to run twice for the same scan: the reopen is guarded on status=resolved, instances and occurrences
 * are unique.
 */
export async function upsertScanFindings(
  db: Prisma,
  input: { orgId: string; domainId: string; scanId: string; findings: ScannerFinding[]; now?: Date },
): Promise<UpsertedFinding[]> {
  const now = input.now ?? new Date();
  // One row per fingerprint (a caller may pass duplicates): ON CONFLICT cannot touch a row twice.
  const unique = [...new Map(input.findings.map((f) => [f.fingerprint, f])).values()];
  const out: UpsertedFinding[] = [];
  for (let i = 0; i < unique.length; i += UPSERT_BATCH) {
    const batch = unique.slice(i, i + UPSERT_BATCH);
    out.push(...(await db.$transaction((tx) => upsertBatch(tx, input, batch, now), { timeout: 120_000, maxWait: 60_000 })));
  }
  return out;
}

async function upsertBatch(
  tx: Tx,
  input: { orgId: string; domainId: string; scanId: string },
  batch: ScannerFinding[],
  now: Date,
): Promise<UpsertedFinding[]> {
  const iso = now.toISOString();
  const rows = batch.map((f) => rowOf(f, iso, input.scanId));
  const devicesOf = new Map(batch.map((f) => [f.fingerprint, f.devices ?? []]));
  const fingerprints = JSON.stringify(rows.map((r) => r.fingerprint));
  // Lock the rows we are about to update: concurrent scans of one domain then count regressions once.
  const before = await tx.$queryRawUnsafe<{ id: string; fingerprint: string; status: string; resolution: string | null }[]>(
    `SELECT "id", "fingerprint", "status"::text AS status, "resolution"::text AS resolution FROM "Finding"
      WHERE "domainId" = $1 AND "fingerprint" IN (SELECT jsonb_array_elements_text($2::jsonb))
      ORDER BY "id" FOR UPDATE`,
    input.domainId,
    fingerprints,
  );
  const prior = new Map(before.map((r) => [r.fingerprint, r.status]));
  // Closed upstream (an integration's issue) but still seen: reopened with a note, not a regression.
  const claimed = new Set(before.filter((r) => r.status === "resolved" && r.resolution === "claimed_upstream").map((r) => r.fingerprint));

  const saved = await tx.$queryRawUnsafe<{ id: string; fingerprint: string; severity: Severity }[]>(
    `INSERT INTO "Finding" AS f ("id", "organizationId", "domainId", "fingerprint", "pillar", "rule", "severity", "title",
        "description", "evidence", "selector", "fix", "url", "urls", "subjectKind", "subject", "instancesCount", "pagesCount",
        "firstSeenAt", "lastSeenAt", "lastScanId", "createdAt", "updatedAt")
     SELECT x.id, $1, $2, x.fingerprint, x.pillar::"Pillar", x.rule, x.severity::"Severity", x.title, x.description,
            x.evidence, x.selector, x.fix, x.url, ARRAY(SELECT jsonb_array_elements_text(x.urls)), x.subject_kind, x.subject,
            x.instances_count, x.pages_count, x.now::timestamp, x.now::timestamp, x.scan_id, x.now::timestamp, x.now::timestamp
       FROM jsonb_to_recordset($3::jsonb) AS x(id text, fingerprint text, pillar text, rule text, severity text, title text,
            description text, evidence text, selector text, fix text, url text, urls jsonb, subject_kind text, subject text,
            instances_count int, pages_count int, now text, scan_id text)
     ON CONFLICT ("domainId", "fingerprint") DO UPDATE SET
       "rule" = EXCLUDED."rule", "title" = EXCLUDED."title", "description" = EXCLUDED."description",
       "evidence" = EXCLUDED."evidence", "selector" = EXCLUDED."selector", "fix" = EXCLUDED."fix", "url" = EXCLUDED."url",
       "urls" = EXCLUDED."urls", "subjectKind" = EXCLUDED."subjectKind", "subject" = EXCLUDED."subject",
       "instancesCount" = EXCLUDED."instancesCount", "pagesCount" = EXCLUDED."pagesCount",
       "lastSeenAt" = EXCLUDED."lastSeenAt", "lastScanId" = EXCLUDED."lastScanId", "updatedAt" = EXCLUDED."updatedAt",
       "severity" = COALESCE(f."severityOverride", EXCLUDED."severity"),
       "status" = CASE WHEN f."status" = 'resolved' THEN 'open'::"FindingStatus" ELSE f."status" END,
       "resolvedAt" = CASE WHEN f."status" = 'resolved' THEN NULL ELSE f."resolvedAt" END,
       "resolution" = CASE WHEN f."status" = 'resolved' THEN NULL ELSE f."resolution" END,
       "regression" = CASE WHEN f."status" = 'resolved' AND f."resolution" IS DISTINCT FROM 'claimed_upstream' THEN true ELSE f."regression" END,
       "regressedAt" = CASE WHEN f."status" = 'resolved' AND f."resolution" IS DISTINCT FROM 'claimed_upstream' THEN EXCLUDED."lastSeenAt" ELSE f."regressedAt" END,
       "regressionCount" = f."regressionCount" + CASE WHEN f."status" = 'resolved' AND f."resolution" IS DISTINCT FROM 'claimed_upstream' THEN 1 ELSE 0 END
     RETURNING f."id", f."fingerprint", f."severity"::text AS severity`,
    input.orgId,
    input.domainId,
    JSON.stringify(rows),
  );
  const idOf = new Map(saved.map((r) => [r.fingerprint, r]));

  const instanceRows: Record<string, unknown>[] = [];
  for (const f of batch) {
    const id = idOf.get(f.fingerprint)?.id;
    if (!id) continue;
    const seen = new Set<string>();
    for (const inst of instancesOf(f).slice(0, MAX_INSTANCES_PER_FINDING)) {
      const row = {
        id: randomUUID(),
        finding_id: id,
        url: inst.url.slice(0, 2_000),
        selector: (inst.selector ?? "").slice(0, 1_000),
        asset: (inst.asset ?? "").slice(0, 2_000),
        snippet: capSnippet(inst.snippet) ?? null,
      };
      const k = `${row.url}\u0000${row.selector}\u0000${row.asset}`;
      if (seen.has(k)) continue;
      seen.add(k);
      instanceRows.push(row);
    }
  }
  for (let i = 0; i < instanceRows.length; i += INSTANCE_CHUNK) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "FindingInstance" AS fi ("id", "findingId", "url", "selector", "asset", "snippet", "lastScanId", "firstSeenAt", "lastSeenAt")
       SELECT x.id, x.finding_id, x.url, x.selector, x.asset, x.snippet, $1, $2::timestamp, $2::timestamp
         FROM jsonb_to_recordset($3::jsonb) AS x(id text, finding_id text, url text, selector text, asset text, snippet text)
       ON CONFLICT ("findingId", "url", "selector", "asset") DO UPDATE SET
         "snippet" = EXCLUDED."snippet", "lastScanId" = EXCLUDED."lastScanId", "lastSeenAt" = EXCLUDED."lastSeenAt"`,
      input.scanId,
      iso,
      JSON.stringify(instanceRows.slice(i, i + INSTANCE_CHUNK)),
    );
  }
  // Instances describe where the latest scan that saw the finding saw it (like `urls`).
  const ids = JSON.stringify(saved.map((r) => r.id));
  await tx.$executeRawUnsafe(
    `DELETE FROM "FindingInstance" WHERE "findingId" IN (SELECT jsonb_array_elements_text($1::jsonb))
       AND ("lastScanId" IS NULL OR "lastScanId" <> $2)`,
    ids,
    input.scanId,
  );
  await tx.findingOccurrence.createMany({
    data: rows.flatMap((r) => {
      const id = idOf.get(r.fingerprint)?.id;
      return id ? [{ findingId: id, scanId: input.scanId, severity: r.severity, urls: r.urls, evidence: r.evidence, devices: devicesOf.get(r.fingerprint) ?? [] }] : [];
    }),
    skipDuplicates: true,
  });

  const reopened = before.filter((r) => claimed.has(r.fingerprint)).map((r) => r.id);
  if (reopened.length) await reopenClaimedUpstream(tx, { findingIds: reopened, scanId: input.scanId });

  return rows.flatMap((r) => {
    const s = idOf.get(r.fingerprint);
    if (!s) return [];
    const was = prior.get(r.fingerprint);
    return [{ id: s.id, severity: s.severity, created: was === undefined, regressed: was === "resolved" && !claimed.has(r.fingerprint) }];
  });
}
