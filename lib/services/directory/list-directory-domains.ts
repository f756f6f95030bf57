import { getPrisma, type Prisma } from "@/lib/db";
import { loadDomainResults } from "../domain-result/load-domain-results";

export const DIRECTORY_LIMIT = 200;
// Candidates composed before sorting by score; a directory larger than this sorts its newest-verified part.
const CANDIDATES = 1_000;

export const DIRECTORY_SORTS = ["score", "name", "recent"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export interface DirectoryDomain {
  id: string;
  host: string;
  scheme: "http" | "https";
  organizationName: string | null;
  description: string | null;
  /** the composed public result (lib/services/domain-result) */
  score: number | null;
  grade: string | null;
  scannedAt: Date | null;
}

/** Where a domain's public page lives: the host as stored (with :port), URL-encoded as one path segment. */
export function directoryPath(host: string): string {
  return `/directory/${encodeURIComponent(host)}`;
}

/**
 * The public directory: verified domains whose organization opted in (directoryEnabled), with their composed
 * results, one per host. Public by design, so it returns only what the listing shows — never tokens, findings or the
 * organization's own records. `q` matches the host, organization name or description (case-insensitive).
 */
export async function listDirectoryDomains(input: { q?: string; sort?: DirectorySort } = {}, prisma?: Prisma): Promise<DirectoryDomain[]> {
  const db = prisma ?? (await getPrisma());
  const q = input.q?.trim().slice(0, 100);
  const rows = await db.domain.findMany({
    where: {
      directoryEnabled: true,
      verifiedAt: { not: null },
      ...(q
        ? {
            OR: [
              { host: { contains: q, mode: "insensitive" as const } },
              { organizationName: { contains: q, mode: "insensitive" as const } },
              { description: { contains: q, mode: "insensitive" as const } },
            ],
          }
        : {}),
    },
    orderBy: [{ verifiedAt: "desc" }, { id: "asc" }],
    take: CANDIDATES,
    select: { id: true, host: true, scheme: true, organizationName: true, description: true },
  });
  // One entry per host, as on its public page (get-directory-domain.ts): two organizations may both have
  // verified the same host, and the latest verification speaks for it. Rows come newest-verified first.
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(r.host) && seen.add(r.host));
  const results = await loadDomainResults({ orgId: null, domainIds: unique.map((r) => r.id) }, db);
  const listed: DirectoryDomain[] = unique.map((r) => {
    const res = results.get(r.id);
    return { ...r, score: res?.score ?? null, grade: res?.grade ?? null, scannedAt: res?.scannedAt ?? null };
  });
  const byHost = (a: DirectoryDomain, b: DirectoryDomain) => a.host.localeCompare(b.host);
  const sort = input.sort ?? "score";
  listed.sort((a, b) => {
    if (sort === "name") return byHost(a, b);
    if (sort === "recent") return (b.scannedAt?.getTime() ?? -1) - (a.scannedAt?.getTime() ?? -1) || byHost(a, b);
    return (b.score ?? -1) - (a.score ?? -1) || byHost(a, b);
  });
  return listed.slice(0, DIRECTORY_LIMIT);
}
