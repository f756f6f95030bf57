import { z } from "zod";

// The API's scope vocabulary (the API contract, lib/api/contract and the OpenAPI document in lib/api/openapi.ts). Keys store "*" for `all` (lib/services/api-keys/scopes.ts);
// the API speaks `all` in both directions.
export const API_SCOPES = [
  "domains:read",
  "domains:write",
  "scans:read",
  "scans:write",
  "findings:read",
  "findings:write",
  "reports:read",
  "reports:write",
  "integrations:read",
  "integrations:write",
  "keys:write",
  "tasks:read",
  "tasks:write",
  "members:read",
  "members:write",
  "policies:read",
  "policies:write",
  "alerts:read",
  "alerts:write",
  "audit:read",
  "all",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];
/** A scope a route can require: every scope but the `all` wildcard. */
export type RequiredScope = Exclude<ApiScope, "all">;

export const apiScopeSchema = z.enum(API_SCOPES);

/** Stored scopes ("*" for all) as the API shows them. */
export function scopesToApi(stored: readonly string[]): string[] {
  return stored.map((s) => (s === "*" ? "all" : s));
}
