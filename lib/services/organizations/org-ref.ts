/** How callers name an organization: by its URL slug (dashboard routes) or by id (API keys, jobs). */
export type OrgRef = { slug: string } | { id: string };

export function orgRefWhere(ref: OrgRef): { slug: string } | { id: string } {
  return "slug" in ref ? { slug: ref.slug } : { id: ref.id };
}
