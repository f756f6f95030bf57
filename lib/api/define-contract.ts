import type { z } from "zod";
import type { RequiredScope } from "./scopes";
import type { ErrorCode } from "./schemas/common";

// A route's contract: everything the handler wrapper (lib/http/define-route.ts) needs to parse and
// authorize a request, and everything lib/api/openapi.ts needs to document it. Contracts live in
// lib/api/contract/<resource>.ts and import nothing from Next.js, so the OpenAPI generator, tests and the
// CLI can load them without a server.

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type AuthMode = "key-or-session" | "public";

/** JSON object schema of path params, query string or body. */
export type ObjectSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/** `data` is one object (or anything JSON) described by `schema`. */
export interface JsonResponse {
  kind: "json";
  schema: z.ZodType;
}
/** `data` is an array of `item`; `meta.next_cursor` pages through it. */
export interface ListResponse {
  kind: "list";
  item: z.ZodType;
}
/** Not the envelope: the handler returns a Response itself (badge SVG, file downloads, SSE, openapi.json). */
export interface RawResponse {
  kind: "raw";
  contentType: string;
  description: string;
}
export type ResponseSpec = JsonResponse | ListResponse | RawResponse;

export interface RateLimitSpec {
  /** "caller": per API key, or per user+organization for sessions; "ip": per client address (public routes). */
  by: "caller" | "ip";
  limit: number;
  windowSeconds: number;
}

export interface RouteContract {
  /** Stable operationId, "<resource>.<verb>" e.g. "domains.create". */
  id: string;
  method: HttpMethod;
  /** OpenAPI style: /api/v1/domains/{id} */
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  auth: AuthMode;
  /** Required for auth "key-or-session". A session member's role may restrict it (viewers are read-only). */
  scope?: RequiredScope;
  params?: ObjectSchema;
  query?: ObjectSchema;
  body?: z.ZodType;
  response: ResponseSpec;
  /** Success status (default 200). */
  status?: 200 | 201 | 202 | 204;
  /** Honour the Idempotency-Key header (credit-charging POSTs). */
  idempotent?: boolean;
  /** Overrides the default per-caller limit of authenticated routes; required to limit public routes. */
  rateLimit?: RateLimitSpec;
  /** Error codes worth documenting beyond the ones every route can return. */
  errors?: readonly ErrorCode[];
  /** Non-envelope answers of a raw route (a 304, the badge's SVG 404); they replace the envelope's entry. */
  rawErrors?: readonly { status: number; description: string; contentType?: string }[];
}

/** Identity function that keeps the literal types of a contract for defineRoute's inference. */
export function defineContract<const C extends RouteContract>(contract: C): C {
  return contract;
}

type Out<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

export type ParamsOf<C extends RouteContract> = Out<C["params"]>;
export type QueryOf<C extends RouteContract> = Out<C["query"]>;
export type BodyOf<C extends RouteContract> = C["body"] extends z.ZodType ? z.output<C["body"]> : undefined;

/** What a handler returns for contract C: the `data` (input side of its schema), a page, or a Response. */
export type HandlerResultOf<C extends RouteContract> = C["response"] extends ListResponse
  ? { items: z.input<C["response"]["item"]>[]; nextCursor: string | null }
  : C["response"] extends JsonResponse
    ? z.input<C["response"]["schema"]>
    : Response;
