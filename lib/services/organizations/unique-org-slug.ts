import type { PrismaNS } from "@/lib/db";
import { slugify } from "./slugify";

/**
 * First free slug among base, base-2, base-3, … A concurrent creator can still take it between this read
 * and the insert; callers retry on the unique violation.
 */
export async function uniqueOrgSlug(db: PrismaNS.TransactionClient, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
