import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import { SENT_PARAM_KINDS, type ResourceType, type SentParamKind, type ThirdPartyBeacon } from "@/lib/scanner/types";
import { getScanRowOrThrow } from "../scans/get-scan";

export const THIRD_PARTY_SORTS = ["requests", "bytes", "pages", "host", "cookies"] as const;
export type ThirdPartySort = (typeof THIRD_PARTY_SORTS)[number];

export interface ScanThirdPartyRow {
  host: string;
  site: string;
  tracker: { id: string; name: string; company: string; category: string } | null;
  requests: number;
  bytes: number;
  bytesSent: number;
  pages: number;
  resourceTypes: Partial<Record<ResourceType, number>>;
  cookies: string[];
  firstSeenOn: string;
  receives: SentParamKind[];
  beacons: ThirdPartyBeacon[];
  probableTracker: boolean;
}

// The JSON columns were written by recordScanThirdParties; read back through a schema all the same, so a row
// from an older shape degrades to "nothing recorded" instead of breaking the page.
const kindsSchema = z.array(z.enum(SENT_PARAM_KINDS)).catch([]);
const beaconsSchema = z
  .array(
    z.object({
      endpoint: z.string(),
      method: z.string(),
      count: z.number().int(),
      params: z.array(z.object({ in: z.enum(["query", "body"]), name: z.string(), kinds: kindsSchema })),
    }),
  )
  .catch([]);
const resourceTypesSchema = z.record(z.string(), z.number()).catch({});

function sortRows(rows: ScanThirdPartyRow[], sort: ThirdPartySort, order: "asc" | "desc"): ScanThirdPartyRow[] {
  const sign = order === "asc" ? 1 : -1;
  const value = (r: ScanThirdPartyRow): number | string =>
    sort === "host" ? r.host : sort === "cookies" ? r.cookies.length : r[sort];
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === "string" || typeof y === "string" ? String(x).localeCompare(String(y)) : x - y;
    return c * sign || a.host.localeCompare(b.host);
  });
}

/**
 * The third-party hosts a scan's pages contacted (at most a few hundred, bounded by the scanner), sorted.
 * Another organization's scan is not found.
 */
export async function listScanThirdParties(
  input: { orgId: string; scanId: string; sort?: ThirdPartySort; order?: "asc" | "desc"; probableOnly?: boolean },
  prisma?: Prisma,
): Promise<{ scanId: string; hosts: ScanThirdPartyRow[] }> {
  const db = prisma ?? (await getPrisma());
  const scan = await getScanRowOrThrow(input, db);
  const rows = await db.scanThirdParty.findMany({
    where: { scanId: scan.id, organizationId: input.orgId, ...(input.probableOnly ? { probableTracker: true } : {}) },
    orderBy: { host: "asc" },
  });
  const hosts: ScanThirdPartyRow[] = rows.map((r) => ({
    host: r.host,
    site: r.site,
    tracker: r.trackerId
      ? { id: r.trackerId, name: r.trackerName ?? r.trackerId, company: r.trackerCompany ?? "", category: r.trackerCategory ?? "" }
      : null,
    requests: r.requests,
    bytes: r.bytes,
    bytesSent: r.bytesSent,
    pages: r.pages,
    resourceTypes: resourceTypesSchema.parse(r.resourceTypes) as Partial<Record<ResourceType, number>>,
    cookies: r.cookies,
    firstSeenOn: r.firstSeenOn,
    receives: kindsSchema.parse(r.receives) satisfies SentParamKind[],
    beacons: beaconsSchema.parse(r.beacons) satisfies ThirdPartyBeacon[],
    probableTracker: r.probableTracker,
  }));
  const sort = input.sort ?? "requests";
  return { scanId: scan.id, hosts: sortRows(hosts, sort, input.order ?? (sort === "host" ? "asc" : "desc")) };
}
