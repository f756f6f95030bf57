import { z } from "zod";
import { FINDING_STATUSES, type FindingStatus } from "@/lib/services/findings/finding-status";
import { FINDING_SORTS, type FindingSort, type SortDirection } from "@/lib/services/findings/list-findings-sorted";
import { DEFAULT_DIRECTION, PILLAR_IDS, SEVERITIES } from "@/components/findings/labels";

// The triage view lives in the URL: filters, order, page and the open finding. Anything malformed is
// ignored rather than an error page (a hand-edited link still shows findings).

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (first(v) === "" ? undefined : first(v)), schema.optional()).catch(undefined);

const schema = z.object({
  domain: opt(z.string().max(64)),
  pillar: opt(z.enum(PILLAR_IDS as [string, ...string[]])),
  severity: opt(z.enum(SEVERITIES as [string, ...string[]])),
  // unset = open and in progress (what still needs work); "all" = every status but resolved
  status: opt(z.enum([...FINDING_STATUSES, "all"])),
  // "1": resolved findings join the list (the toggle beside the filters)
  resolved: opt(z.literal("1")),
  // rows are findings ("rule", default) or pages with their findings ("page")
  group: opt(z.enum(["rule", "page"])),
  regression: opt(z.literal("1")),
  q: opt(z.string().trim().max(200)),
  sort: opt(z.enum(FINDING_SORTS)),
  dir: opt(z.enum(["asc", "desc"])),
  cursor: opt(z.string().max(500)),
  finding: opt(z.string().max(64)),
});

export type FindingsQuery = z.infer<typeof schema> & { sort: FindingSort; dir: SortDirection };


export function parseFindingsQuery(raw: Record<string, string | string[] | undefined>): FindingsQuery {
  const q = schema.parse(raw);
  const sort = q.sort ?? "severity";
  return { ...q, sort, dir: q.dir ?? DEFAULT_DIRECTION[sort] };
}

/** The query string for a view: `changes` applied, empty values dropped, default order left implicit. */
export function findingsHref(path: string, q: FindingsQuery, changes: Partial<Record<keyof FindingsQuery, string | undefined>>): string {
  const merged: Record<string, string | undefined> = { ...q, ...changes };
  if (merged.sort === "severity") merged.sort = undefined;
  if (merged.dir && merged.dir === DEFAULT_DIRECTION[(merged.sort ?? "severity") as FindingSort]) merged.dir = undefined;
  const params = new URLSearchParams();
  if (merged.group === "rule") merged.group = undefined;
  for (const key of ["domain", "pillar", "severity", "status", "resolved", "regression", "q", "group", "sort", "dir", "cursor", "finding"]) {
    const v = merged[key];
    if (v) params.set(key, v);
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** The statuses a view lists: open + in progress by default; resolved only with the toggle. */
export function statusesOf(q: Pick<FindingsQuery, "status" | "resolved">): FindingStatus[] {
  const withResolved = q.resolved === "1";
  if (!q.status) return withResolved ? ["open", "in_progress", "resolved"] : ["open", "in_progress"];
  if (q.status === "all") return FINDING_STATUSES.filter((s) => withResolved || s !== "resolved");
  return [q.status];
}
