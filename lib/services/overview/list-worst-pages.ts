import { getPrisma, type Prisma } from "@/lib/db";
import { SEVERITIES, type Severity } from "@/lib/scanner/types";
import { emptySeverityCounts, type SeverityCounts } from "../domain-result/compose";
import { COUNTING_TRIGGERS } from "../domain-result/counting-triggers";

export interface WorstPage {
  domainId: string;
  host: string;
  scanId: string;
  url: string;
  /** the page's own performance score (0–100), null when the scan did not measure performance */
  score: number | null;
  /** the findings the scan saw on this page, by severity */
  severities: SeverityCounts;
}

interface Row {
  domainId: string;
  host: string;
  scanId: string;
  url: string;
  perfScore: number | null;
  severities: unknown;
}

export const WORST_PAGES_LIMIT = 10;

function counts(v: unknown): SeverityCounts {
  const out = emptySeverityCounts();
  const obj = typeof v === "string" ? (JSON.parse(v) as unknown) : v;
  if (!obj || typeof obj !== "object") return out;
  for (const s of SEVERITIES) {
    const n = (obj as Record<string, unknown>)[s];
    if (typeof n === "number" && Number.isFinite(n)) out[s as Severity] = n;
  }
  return out;
}

/**
 * The organization's worst pages: from each domain's latest finished counting scan (the one whose per-page
 * table the scan result shows), the loaded pages with the most severe findings — critical first, then high,
 * then medium — and, among equals, the lowest per-page score. One query over all domains.
 */
export async function listWorstPages(input: { orgId: string; limit?: number }, prisma?: Prisma): Promise<WorstPage[]> {
  const db = prisma ?? (await getPrisma());
  const triggers = [...COUNTING_TRIGGERS];
  const limit = Math.max(1, Math.min(100, input.limit ?? WORST_PAGES_LIMIT));
  const rows = await db.$queryRaw<Row[]>`
    WITH latest AS (
      SELECT DISTINCT ON (s."domainId") s.id, s."domainId"
      FROM "Scan" s
      WHERE s."organizationId" = ${input.orgId} AND s.status = 'succeeded' AND s."finishedAt" IS NOT NULL
        AND s.trigger::text = ANY(${triggers})
        AND EXISTS (SELECT 1 FROM "ScanPage" x WHERE x."scanId" = s.id)
      ORDER BY s."domainId", s."finishedAt" DESC, s.id DESC
    )
    SELECT l."domainId", d.host, l.id AS "scanId", p.url, p."perfScore", p.severities
    FROM latest l
    JOIN "Domain" d ON d.id = l."domainId" AND d."organizationId" = ${input.orgId}
    JOIN "ScanPage" p ON p."scanId" = l.id
    WHERE p.outcome = 'ok'
    ORDER BY COALESCE((p.severities->>'critical')::int, 0) DESC,
             COALESCE((p.severities->>'high')::int, 0) DESC,
             COALESCE((p.severities->>'medium')::int, 0) DESC,
             p."perfScore" ASC NULLS LAST,
             COALESCE((p.severities->>'low')::int, 0) DESC,
             d.host, p.url
    LIMIT ${limit}`;
  return rows.map((r) => ({
    domainId: r.domainId,
    host: r.host,
    scanId: r.scanId,
    url: r.url,
    score: r.perfScore === null ? null : Number(r.perfScore),
    severities: counts(r.severities),
  }));
}
