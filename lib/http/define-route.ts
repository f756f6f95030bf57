// THE way to write an /api/v1 route. Three pieces, always in these places:
//
// 1. The contract, in lib/api/contract/<resource>.ts (no Next.js imports):
//
//      export const createDomain = defineContract({
//        id: "domains.create", method: "POST", path: "/api/v1/domains",
//        summary: "Add a domain", tags: ["domains"],
//        auth: "key-or-session", scope: "domains:write",
//        body: createDomainBody,                       // zod; the handler receives z.output of it
//        response: { kind: "json", schema: domainSchema }, status: 201,
//        errors: ["conflict"],
//      });
//
//    and the file is listed once in lib/api/contract/index.ts — that list is what /api/v1/openapi.json
//    documents, so a route whose contract is not listed there is a bug (test/api/openapi.test.ts checks
//    every app/api/v1/**/route.ts against it).
//
// 2. The route file, app/api/v1/domains/route.ts — glue only: parse -> authorize -> ONE service -> data:
//
//      export const POST = defineRoute(createDomain, async ({ actor, body }) =>
//        serializeDomain(await createDomainService(actor, body)));
//
//    Path params arrive parsed from `params` (Next 16 hands them over as a Promise; defineRoute awaits it).
//    Lists use `response: { kind: "list", item }` and return `{ items, nextCursor }` (lib/http/pagination.ts).
//    Non-JSON bodies (badge SVG, file downloads, SSE) use `response: { kind: "raw", … }` and return a Response.
//
// 3. The service in lib/services/<area>/<verb>-<thing>.ts takes explicit ids (`actor` = { orgId, userId,
//    apiKeyId, requestId }), scopes EVERY lookup by actor.orgId (another organization's id -> not found),
//    records an audit event for every write (lib/services/audit/record-audit-event.ts), and throws
//    ServiceError (lib/services/errors.ts) for business-rule failures. Serializers (DB camelCase -> API
//    snake_case) live in lib/api/serializers/.
//
// defineRoute does, in order: request id -> caller (API key `Authorization: Bearer plumb_…` or the session,
// see lib/http/caller.ts; 401 / 403 for a missing scope) -> rate limit (per caller by default, per IP where the
// contract says so; 429 with Retry-After and X-RateLimit-*) -> params/query/body with zod (400 invalid_json,
// 422 invalid_params with issues) -> Idempotency-Key when the contract is `idempotent` -> handler -> the
// response checked against the contract's schema -> envelope { data, meta: { request_id, next_cursor? },
// error: null } with X-Request-Id. Thrown ApiError / ServiceError / ZodError / Prisma P2025 become the error
// envelope; anything else is logged and answered 500 `internal` without details.
import type { z } from "zod";
import { getPrisma } from "@/lib/db";
import type {
  BodyOf,
  HandlerResultOf,
  ParamsOf,
  QueryOf,
  RateLimitSpec,
  RouteContract,
} from "@/lib/api/define-contract";
import type { Actor } from "@/lib/services/audit/record-audit-event";
import { resolveCaller, type Caller } from "./caller";
import { clientIp } from "./client-ip";
import { errorResponse, jsonResponse, successBody, errorBody } from "./envelope";
import { API_MAX_BODY_BYTES } from "./body-limit";
import { InvalidJsonError, InvalidParamsError, PayloadTooLargeError, invalidParams, toApiError } from "./errors";
import { idempotencyKeyFrom, requestHash, runIdempotent, type StoredResponse } from "./idempotency";
import { hitRateLimit, rateLimitHeaders } from "./rate-limit";
import { newRequestId } from "./request-id";
import { defaultCallerRateLimit } from "./settings";

type Authed<C extends RouteContract, T> = C["auth"] extends "public" ? null : T;

export interface RouteContext<C extends RouteContract> {
  req: Request;
  requestId: string;
  ip: string;
  /** null on public routes. */
  caller: Authed<C, Caller>;
  /** What services take as "who": null on public routes. */
  actor: Authed<C, Actor>;
  params: ParamsOf<C>;
  query: QueryOf<C>;
  body: BodyOf<C>;
}

/** Next.js 16 route handler context: dynamic params arrive as a Promise. */
interface NextRouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Reads a JSON body of at most API_MAX_BODY_BYTES, counting while it streams in: a larger body is cut off
 * (the stream is cancelled) and answered 413 without ever being held whole in memory.
 */
async function readJsonBody(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > API_MAX_BODY_BYTES) throw new PayloadTooLargeError(API_MAX_BODY_BYTES);
  if (!req.body) return undefined;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > API_MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(API_MAX_BODY_BYTES);
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new InvalidJsonError("The request body is not valid UTF-8.");
  }
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidJsonError();
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(s: string): string | null {
  if (s.includes("\0")) return "Must not contain NUL characters.";
  if (LONE_SURROGATE.test(s)) return "Must not contain unpaired UTF-16 surrogates.";
  return null;
}

/**
 * NUL characters and lone surrogates pass zod's string checks but PostgreSQL cannot store them (and they are
 * never meaningful): every string of params, query and body, keys included, is checked before the schemas,
 * and the first bad one is answered 422 naming its path.
 */
function rejectUnstorableStrings(value: unknown, path: (string | number)[]): void {
  const bad = (p: (string | number)[], message: string) => {
    throw new InvalidParamsError(`${p.join(".")}: ${message}`, [{ path: p, message, code: "invalid_string" }]);
  };
  if (typeof value === "string") {
    const problem = stringProblem(value);
    if (problem) bad(path, problem);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => rejectUnstorableStrings(v, [...path, i]));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = stringProblem(k);
      if (keyProblem) bad([...path, JSON.stringify(k).slice(1, -1)], `Field name: ${keyProblem}`);
      rejectUnstorableStrings(v, [...path, k]);
    }
  }
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

function parsePart<S extends z.ZodType>(schema: S, value: unknown, where: "params" | "query" | "body"): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidParams(result.error, where);
  return result.data;
}

function withHeaders(res: Response, headers: Record<string, string>): Response {
  const merged = new Headers(res.headers);
  for (const [k, v] of Object.entries(headers)) merged.set(k, v);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers: merged });
}

function rateLimitKey(contract: RouteContract, spec: RateLimitSpec, caller: Caller | null, ip: string): string {
  if (spec.by === "ip" || !caller) return `ip:${contract.id}:${ip}`;
  const who = caller.apiKeyId ? `key:${caller.apiKeyId}` : `user:${caller.userId}:${caller.orgId}`;
  // A route with its own limit (e.g. verification, which fetches other sites) counts separately.
  return contract.rateLimit ? `${who}:${contract.id}` : who;
}

/** A handler returning what its contract does not promise is a bug (500), not the client's invalid_params. */
function checked(contract: RouteContract, schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`Route ${contract.id} returned data that breaks its contract: ${JSON.stringify(result.error.issues).slice(0, 2000)}`);
  }
  return result.data;
}

/** Builds the envelope for what the handler returned, checking it against the contract's schema. */
function successParts(contract: RouteContract, result: unknown, requestId: string): StoredResponse {
  const status = contract.status ?? 200;
  const spec = contract.response;
  if (spec.kind === "list") {
    const page = result as { items: unknown[]; nextCursor: string | null };
    const items = page.items.map((item) => checked(contract, spec.item, item));
    return { status, body: successBody(items, { request_id: requestId, next_cursor: page.nextCursor ?? null }) };
  }
  if (spec.kind === "json") {
    return { status, body: successBody(checked(contract, spec.schema, result), { request_id: requestId }) };
  }
  throw new Error(`Route ${contract.id}: raw responses must be a Response`);
}

export function defineRoute<const C extends RouteContract>(
  contract: C,
  handler: (ctx: RouteContext<C>) => Promise<HandlerResultOf<C>>,
): (req: Request, context: NextRouteContext) => Promise<Response> {
  return async function route(req: Request, context: NextRouteContext): Promise<Response> {
    const requestId = newRequestId();
    const headers: Record<string, string> = { "X-Request-Id": requestId };
    let stage = "auth";
    try {
      const db = await getPrisma();
      const ip = clientIp(req);
      const caller = contract.auth === "public" ? null : await resolveCaller(db, req, contract.scope);

      const limit = contract.rateLimit ?? (caller ? defaultCallerRateLimit() : null);
      if (limit) {
        const state = await hitRateLimit(db, rateLimitKey(contract, limit, caller, ip), limit.limit, limit.windowSeconds);
        Object.assign(headers, rateLimitHeaders(state));
      }

      stage = "parse";
      const url = new URL(req.url);
      const rawParams = await context.params;
      const rawQuery = queryObject(url);
      rejectUnstorableStrings(rawParams, ["params"]);
      rejectUnstorableStrings(rawQuery, ["query"]);
      const params = contract.params ? parsePart(contract.params, rawParams, "params") : {};
      const query = contract.query ? parsePart(contract.query, rawQuery, "query") : {};
      const rawBody = contract.body ? await readJsonBody(req) : undefined;
      rejectUnstorableStrings(rawBody, ["body"]);
      const body = contract.body ? parsePart(contract.body, rawBody, "body") : undefined;

      const actor: Actor | null = caller
        ? { orgId: caller.orgId, userId: caller.userId, apiKeyId: caller.apiKeyId, requestId, ip }
        : null;
      const ctx = { req, requestId, ip, caller, actor, params, query, body } as RouteContext<C>;

      stage = "handler";
      if (contract.response.kind === "raw") {
        const res = (await handler(ctx)) as Response;
        return withHeaders(res, headers);
      }

      // Errors thrown by the handler become part of the (storable) outcome, so an idempotent replay of a
      // 402 or 409 answers the same thing the first request did.
      const execute = async (): Promise<StoredResponse> => {
        try {
          return successParts(contract, await handler(ctx), requestId);
        } catch (err) {
          const { error, bug } = toApiError(err);
          if (bug) logBug(contract, requestId, err);
          Object.assign(headers, error.headers);
          return { status: error.status, body: errorBody(error, requestId) };
        }
      };

      const idemKey = contract.idempotent && caller ? idempotencyKeyFrom(req) : null;
      let outcome: StoredResponse;
      if (idemKey && caller) {
        const result = await runIdempotent(
          db,
          { orgId: caller.orgId, key: idemKey, method: req.method, path: url.pathname, hash: requestHash(req.method, url.pathname, rawBody) },
          execute,
        );
        if (result.replayed) headers["Idempotent-Replayed"] = "true";
        outcome = result;
      } else {
        outcome = await execute();
      }
      return jsonResponse(outcome.status, outcome.body, headers);
    } catch (err) {
      const { error, bug } = toApiError(err);
      if (bug) logBug(contract, requestId, err, stage);
      return errorResponse(error, requestId, headers);
    }
  };
}

function logBug(contract: RouteContract, requestId: string, err: unknown, stage = "handler"): void {
  // The one place a stack trace goes: the server log, keyed by the request id the client was given.
  console.error(`[api] ${contract.method} ${contract.path} (${contract.id}) ${stage} failed, request ${requestId}:`, err);
}
