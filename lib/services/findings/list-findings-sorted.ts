import type { Finding } from "@/generated/prisma/client";
import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import type { Pillar, Severity } from "@/lib/scanner/types";
import { ServiceError } from "../errors";
import { findingFilters, type ListFindingsInput } from "./list-findings";
import { PILLARS } from "@/lib/scanner/types";

// The triage table's list: listFindings' filters with a choice of order, still keyset-paginated. Each order
// is (key, lastSeenAt DESC, id DESC) so equal keys stay in a stable order across pages.

export const FINDING_SORTS = ["severity", "last_seen", "pillar"] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];
export type SortDirection = "asc" | "desc";

// Enum columns order by declaration in PostgreSQL: critical..info, accessibility..seo.
const SEVERITY_ORDER: readonly Severity[] = ["critical", "high", "medium", "low", "info"];
const PILLAR_ORDER: readonly Pillar[] = PILLARS;

export interface ListFindingsSortedInput extends ListFindingsInput {
  sort: FindingSort;
  /** severity "asc" = worst first; last_seen "desc" = newest first; pillar "asc" = display order. */
  direction: SortDirection;
}

type Position = { key: string; lastSeenAt: string; id: string };

function encode(sort: FindingSort, f: Finding): string {
  const key = sort === "severity" ? f.severity : sort === "pillar" ? f.pillar : f.lastSeenAt.toISOString();
  return Buffer.from(JSON.stringify([sort, key, f.lastSeenAt.toISOString(), f.id]), "utf8").toString("base64url");
}

function decode(sort: FindingSort, cursor: string): Position {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 4 && v[0] === sort && v.slice(1).every((x) => typeof x === "string" && x.length > 0)) {
      const [, key, lastSeenAt, id] = v as string[];
      if (!Number.isNaN(new Date(lastSeenAt).getTime())) return { key, lastSeenAt, id };
    }
  } catch {
    // fall through
  }
  throw new ServiceError("invalid_params", "cursor: not a cursor for this order.");
}

/** Rows strictly after `pos` in (key dir, lastSeenAt desc, id desc). */
function after(sort: FindingSort, direction: SortDirection, pos: Position): PrismaNS.FindingWhereInput {
  const seen = new Date(pos.lastSeenAt);
  const tie = { OR: [{ lastSeenAt: { lt: seen } }, { lastSeenAt: seen, id: { lt: pos.id } }] };
  if (sort === "last_seen") {
    const t = new Date(pos.key);
    return direction === "desc"
      ? { OR: [{ lastSeenAt: { lt: t } }, { lastSeenAt: t, id: { lt: pos.id } }] }
      : { OR: [{ lastSeenAt: { gt: t } }, { lastSeenAt: t, id: { lt: pos.id } }] };
  }
  // Prisma has no < / > on enums: "after" is the set of values that follow in the chosen order.
  const order: readonly string[] = sort === "severity" ? SEVERITY_ORDER : PILLAR_ORDER;
  const i = order.indexOf(pos.key);
  if (i < 0) throw new ServiceError("invalid_params", "cursor: not a cursor for this order.");
  const later = direction === "asc" ? order.slice(i + 1) : order.slice(0, i);
  if (sort === "severity") {
    return { OR: [{ severity: { in: later as Severity[] } }, { AND: [{ severity: pos.key as Severity }, tie] }] };
  }
  return { OR: [{ pillar: { in: later as Pillar[] } }, { AND: [{ pillar: pos.key as Pillar }, tie] }] };
}

function orderOf(sort: FindingSort, direction: SortDirection): PrismaNS.FindingOrderByWithRelationInput[] {
  if (sort === "last_seen") return [{ lastSeenAt: direction }, { id: "desc" }];
  return [{ [sort]: direction }, { lastSeenAt: "desc" }, { id: "desc" }];
}

export async function listFindingsSorted(
  input: ListFindingsSortedInput,
  prisma?: Prisma,
): Promise<{ items: Finding[]; nextCursor: string | null }> {
  const db = prisma ?? (await getPrisma());
  const where: PrismaNS.FindingWhereInput = {
    AND: [...findingFilters(input), input.cursor ? after(input.sort, input.direction, decode(input.sort, input.cursor)) : {}],
  };
  const rows = await db.finding.findMany({ where, orderBy: orderOf(input.sort, input.direction), take: input.limit + 1 });
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encode(input.sort, last) : null };
}
