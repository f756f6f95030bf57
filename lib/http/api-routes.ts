import { allContracts } from "@/lib/api/contract";

// The /api/v1 route table, derived from the contracts (lib/api/contract/index.ts lists every route), so
// proxy.ts can answer unknown paths (404) and wrong methods (405 with Allow) with the API's envelope instead
// of Next.js's empty responses.

interface Template {
  segments: string[];
  /** Count of literal segments: Next.js prefers /findings/bulk over /findings/{id}. */
  literals: number;
  methods: Set<string>;
}

const isParam = (segment: string) => segment.startsWith("{") && segment.endsWith("}");

function buildTable(): Template[] {
  const byPath = new Map<string, Template>();
  for (const c of allContracts) {
    const segments = c.path.split("/").filter(Boolean);
    let t = byPath.get(c.path);
    if (!t) {
      t = { segments, literals: segments.filter((s) => !isParam(s)).length, methods: new Set() };
      byPath.set(c.path, t);
    }
    t.methods.add(c.method);
  }
  return [...byPath.values()];
}

let table: Template[] | undefined;

/** True when every %-escape of the path decodes (to valid UTF-8). */
export function isWellFormedPath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * The methods the route at `pathname` answers (with HEAD for GET and OPTIONS, which Next.js adds), or null
 * when no /api/v1 route has that path.
 */
export function allowedMethods(pathname: string): string[] | null {
  table ??= buildTable();
  const parts = pathname.split("/").filter(Boolean);
  let best: Template | undefined;
  for (const t of table) {
    if (t.segments.length !== parts.length) continue;
    if (!t.segments.every((s, i) => isParam(s) || s === parts[i])) continue;
    if (!best || t.literals > best.literals) best = t;
  }
  if (!best) return null;
  const methods = new Set(best.methods);
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  const order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
  return order.filter((m) => methods.has(m));
}
