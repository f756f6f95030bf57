// Scopes get their meaning in the API (the API contract, lib/api/contract and the OpenAPI document in lib/api/openapi.ts); here we only fix their shape so stored keys stay valid.
// "*" grants every scope, including ones added later.
export const ALL_SCOPES = "*";

const SCOPE = /^[a-z][a-z-]*:(read|write)$/;

/** Parses "a:read,b:write" or "all" into the stored array; throws a RangeError naming the bad scope. */
export function parseScopes(list: string | readonly string[]): string[] {
  const items = (typeof list === "string" ? list.split(",") : [...list]).map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new RangeError("At least one scope is required (e.g. domains:read,scans:write or all).");
  if (items.some((s) => s === "all" || s === ALL_SCOPES)) return [ALL_SCOPES];
  const bad = items.find((s) => !SCOPE.test(s));
  if (bad) throw new RangeError(`Invalid scope "${bad}": expected <resource>:read or <resource>:write, or all.`);
  return [...new Set(items)].sort();
}

/**
 * The scopes of `wanted` (stored form) that `granted` does not cover: a caller may only create or revoke keys
 * within its own scopes (otherwise a `keys:write` key could mint an `all` key, or revoke the owner's).
 */
export function scopesBeyond(granted: readonly string[], wanted: readonly string[]): string[] {
  return wanted.filter((s) => (s === ALL_SCOPES ? !granted.includes(ALL_SCOPES) : !hasScope(granted, s)));
}

/** A write scope implies read on the same resource. */
export function hasScope(granted: readonly string[], needed: string): boolean {
  if (granted.includes(ALL_SCOPES) || granted.includes(needed)) return true;
  const [resource, action] = needed.split(":");
  return action === "read" && granted.includes(`${resource}:write`);
}
