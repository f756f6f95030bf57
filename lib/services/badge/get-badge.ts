import { createHash } from "node:crypto";
import type { Pillar } from "@/lib/scanner/types";
import { getPublicDomainResult } from "../domain-result/get-public-domain-result";
import { badgeState } from "./get-badge-state";
import { renderBadge, type BadgeStyle } from "./render-badge";

// Bumped when the drawing changes, so caches holding the old drawing under an old ETag revalidate.
const RENDER_VERSION = "2";

export interface Badge {
  status: 200 | 404;
  svg: string;
  etag: string;
}

/**
 * A domain's badge, rendered once per (result, style, pillar, link origin) and kept with the cached result
 * (lib/services/domain-result/get-public-domain-result.ts). Unknown ids get a grey "unknown" badge with 404.
 * `origin` is where the directory lives, for the link (only listed domains link anywhere).
 */
export async function getBadge(input: { domainId: string; style: BadgeStyle; pillar?: Pillar; origin: string }): Promise<Badge> {
  const { value, derived } = await getPublicDomainResult({ domainId: input.domainId });
  const key = `${input.style}|${input.pillar ?? ""}|${input.origin}`;
  const hit = derived.get(key) as Badge | undefined;
  if (hit) return hit;
  const link = value.kind === "found" && value.domain.listed ? `${input.origin}/directory/${encodeURIComponent(value.domain.host)}` : null;
  const label = input.pillar ? `plumb ${input.pillar}` : "plumb";
  const svg = renderBadge(badgeState(value, input.pillar), { label, style: input.style, link });
  const etag = `"${createHash("sha256").update(RENDER_VERSION).update(svg).digest("base64url").slice(0, 27)}"`;
  const badge: Badge = { status: value.kind === "unknown" ? 404 : 200, svg, etag };
  // Bounded: the origin may come from the Host header when NEXTAUTH_URL is unset.
  if (derived.size >= 32) derived.clear();
  derived.set(key, badge);
  return badge;
}
