import { createHash } from "node:crypto";
import { getPrisma, type Prisma } from "@/lib/db";
import type { DomainResult } from "./compose";
import { loadDomainResult } from "./load-domain-results";
import { PUBLIC_RESULT_TTL_MS, domainResultVersion } from "./result-version";

export interface PublicDomain {
  id: string;
  host: string;
  verified: boolean;
  /** in the public directory (verified and opted in) */
  listed: boolean;
}

export type PublicDomainResult =
  | { kind: "unknown" }
  | {
      kind: "found";
      domain: PublicDomain;
      result: DomainResult;
      /** changes whenever anything the badge shows changes; the base of its ETag */
      tag: string;
    };

interface Entry {
  value: PublicDomainResult;
  version: number;
  expiresAt: number;
  /** what callers derive from the value (rendered badges), dropped with it */
  derived: Map<string, unknown>;
}

const KEY = Symbol.for("plumb.publicDomainResults");
// Unknown ids are cached too (a proxy hammering a stale id must not reach the database), so the map is
// bounded: past this size it starts over.
const MAX_ENTRIES = 10_000;

function cache(): Map<string, Entry> {
  const g = globalThis as typeof globalThis & { [KEY]?: Map<string, Entry> };
  return (g[KEY] ??= new Map());
}

async function load(domainId: string, db: Prisma): Promise<PublicDomainResult> {
  const domain = await db.domain.findUnique({
    where: { id: domainId },
    select: { id: true, host: true, verifiedAt: true, directoryEnabled: true },
  });
  if (!domain) return { kind: "unknown" };
  // Public by design: the badge and the directory show the composed result of any domain id.
  const result = await loadDomainResult({ orgId: null, domainId }, db);
  if (!result) return { kind: "unknown" };
  const verified = domain.verifiedAt !== null;
  const pub: PublicDomain = { id: domain.id, host: domain.host, verified, listed: verified && domain.directoryEnabled };
  const tag = createHash("sha256").update(JSON.stringify([pub, result])).digest("base64url").slice(0, 22);
  return { kind: "found", domain: pub, result, tag };
}

/**
 * A domain's public result, from memory when fresh (see result-version.ts for when it is not). The hot path
 * of the badge: a hit costs a Map lookup and two comparisons.
 */
export async function getPublicDomainResult(input: { domainId: string; now?: number }, prisma?: Prisma): Promise<{ value: PublicDomainResult; derived: Map<string, unknown> }> {
  const now = input.now ?? Date.now();
  const version = domainResultVersion();
  const entries = cache();
  const hit = entries.get(input.domainId);
  if (hit && hit.version === version && hit.expiresAt > now) return hit;
  const db = prisma ?? (await getPrisma());
  const value = await load(input.domainId, db);
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const entry: Entry = { value, version, expiresAt: now + PUBLIC_RESULT_TTL_MS, derived: new Map() };
  entries.set(input.domainId, entry);
  return entry;
}
