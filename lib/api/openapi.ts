import { z } from "zod";
import type { RouteContract } from "./define-contract";
import { allContracts } from "./contract";
import { errorEnvelopeSchema, type ErrorCode } from "./schemas/common";

// OpenAPI 3.1 from the same contracts (and zod schemas) the route handlers parse with. OpenAPI 3.1 uses
// JSON Schema 2020-12, which is what z.toJSONSchema emits; schemas named with `.meta({ id })` become
// components, every other schema is inlined.

type Json = Record<string, unknown>;

const API_DESCRIPTION = `
Plumb audits websites across seven pillars (accessibility, security, cookies, trackers, privacy,
performance, SEO).

**Authentication.** Send an API key as \`Authorization: Bearer plumb_…\`. A key belongs to one organization and
carries scopes: \`domains:read|write\`, \`scans:read|write\`, \`findings:read|write\`, \`reports:read|write\`,
\`integrations:read|write\`, \`keys:write\`, or \`all\`. A \`:write\` scope implies \`:read\` on the same resource.
Each operation names the scope it needs (\`x-required-scope\`); without it the answer is 403 \`forbidden\`.
Keys are stored as SHA-256 hashes; the raw key is shown once, when it is created. The dashboard's session
cookie works too: a user in several organizations names the one to act in with \`X-Plumb-Org: <id or slug>\`
(viewers may only read; members may do everything except manage API keys).

**Envelope.** Every JSON response is \`{ "data": …, "meta": { "request_id": "…", "next_cursor"?: … }, "error": null }\`;
errors are \`{ "data": null, "meta": { "request_id": "…" }, "error": { "code", "message", "issues"? } }\`. The
request id is also in the \`X-Request-Id\` header. Error codes are stable: \`unauthorized\` 401, \`forbidden\` 403,
\`not_found\` 404 (also for other organizations' resources), \`invalid_json\` 400, \`invalid_params\` 422 (with
zod \`issues\`), \`conflict\` 409, \`domain_not_verified\` 409, \`insufficient_credits\` 402 (with \`cost\` and
\`balance\`), \`rate_limited\` 429 (with \`Retry-After\`), \`bad_request\` 400 (a malformed %-escape in the path),
\`method_not_allowed\` 405 (with \`Allow\`), \`payload_too_large\` 413, \`internal\` 500. Unknown paths under
/api/v1 answer 404 \`not_found\` in the envelope too.

**Input.** Bodies are JSON of at most 1 MiB (1,048,576 bytes; larger bodies are cut off while they stream in
and answered 413). Strings anywhere in the path, query or body must not contain NUL characters or unpaired
UTF-16 surrogates (422 \`invalid_params\` naming the field). The badge, file downloads, event
streams and this document are the only responses that are not the envelope.

**Lists** take \`?limit=\` (1–100, default 25) and \`?cursor=\`; pass \`meta.next_cursor\` to get the next page; it is
null on the last page.

**Credits.** A scan costs **1 credit per pillar** scanned (all seven pillars: 7 credits), reserved when the scan
is accepted and refunded if it fails or is canceled. Credit-charging POSTs honour an \`Idempotency-Key\` header:
repeating a request with the same key returns the first response (header \`Idempotent-Replayed: true\`) and
charges nothing; reusing a key for a different request is a 409 \`conflict\`. Keys are kept for 24 hours.

**Rate limits.** Authenticated calls are limited per API key (or per user and organization); public endpoints
per client address. Every limited response carries \`X-RateLimit-Limit\`, \`X-RateLimit-Remaining\` and
\`X-RateLimit-Reset\` (epoch seconds); a 429 adds \`Retry-After\` (seconds).
`.trim();

const STATUS_TEXT: Record<ErrorCode, [number, string]> = {
  invalid_json: [400, "The body is not valid JSON (`invalid_json`)."],
  bad_request: [400, "The path has a malformed %-escape (`bad_request`)."],
  method_not_allowed: [405, "The path exists but not with this method (`method_not_allowed`); see `Allow`."],
  payload_too_large: [413, "The body is larger than 1 MiB (`payload_too_large`)."],
  unauthorized: [401, "Missing, invalid, revoked or expired credentials (`unauthorized`)."],
  insufficient_credits: [402, "Not enough credits (`insufficient_credits`, with `cost` and `balance`)."],
  forbidden: [403, "The credential lacks the required scope (`forbidden`)."],
  two_factor_required: [403, "A dashboard session in an organization that requires two-factor sign-in the user has not set up (`two_factor_required`)."],
  not_found: [404, "No such resource in this organization (`not_found`)."],
  conflict: [409, "Conflicts with existing state (`conflict`) or, for scans, `domain_not_verified`."],
  domain_not_verified: [409, "The domain's ownership is not verified (`domain_not_verified`) or another `conflict`."],
  export_not_ready: [409, "The export is still queued or running (`export_not_ready`); try again shortly."],
  gone: [410, "The export has expired, or the share link expired or was revoked (`gone`)."],
  invalid_params: [422, "Path, query or body failed validation (`invalid_params`, with `issues`)."],
  rate_limited: [429, "Too many requests (`rate_limited`); see `Retry-After`."],
  provider_error: [424, "An integration's provider refused the credential or the request, or could not be reached (`provider_error`); the message says which."],
  internal: [500, "A bug (`internal`); quote the request id."],
};

class SchemaCollector {
  readonly components: Record<string, Json> = {};

  /** JSON Schema for `schema`, its named parts moved into components.schemas. */
  convert(schema: z.ZodType, io: "input" | "output"): Json {
    const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", reused: "inline" }) as Json;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$defs;
    delete json.$schema;
    const rename = new Map<string, string>();
    for (const [name, def] of Object.entries(defs)) {
      const fixed = this.rewriteRefs(def, rename);
      rename.set(name, this.register(name, fixed, io));
    }
    // Second pass now that every def has its final name.
    for (const [name] of Object.entries(defs)) {
      const final = rename.get(name)!;
      this.components[final] = this.rewriteRefs(this.components[final], rename);
    }
    // A named root comes back as a $ref into its own $defs, so it is already a component.
    return this.rewriteRefs(json, rename);
  }

  private register(name: string, def: Json, io: "input" | "output"): string {
    const existing = this.components[name];
    if (!existing || JSON.stringify(existing) === JSON.stringify(def)) {
      this.components[name] = def;
      return name;
    }
    // Same schema seen from the request side (defaults optional) differs from its response form.
    const alt = io === "input" ? `${name}Input` : `${name}Output`;
    const other = this.components[alt];
    if (other && JSON.stringify(other) !== JSON.stringify(def)) throw new Error(`OpenAPI: two different schemas are named ${name}`);
    this.components[alt] = def;
    return alt;
  }

  private rewriteRefs(node: Json, rename: Map<string, string>): Json {
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === "object") {
        const out: Json = {};
        for (const [k, child] of Object.entries(v as Json)) {
          if (k === "$ref" && typeof child === "string" && child.startsWith("#/$defs/")) {
            const name = child.slice("#/$defs/".length);
            out[k] = `#/components/schemas/${rename.get(name) ?? name}`;
          } else {
            out[k] = walk(child);
          }
        }
        return out;
      }
      return v;
    };
    return walk(node) as Json;
  }
}

function parametersOf(c: RouteContract, collect: SchemaCollector): Json[] {
  const params: Json[] = [];
  const add = (schema: z.ZodType | undefined, location: "path" | "query") => {
    if (!schema) return;
    const json = collect.convert(schema, "input");
    const props = (json.properties ?? {}) as Record<string, Json>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, prop] of Object.entries(props)) {
      const { description, ...rest } = prop;
      params.push({
        name,
        in: location,
        required: location === "path" ? true : required.has(name) && !("default" in prop),
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
      });
    }
  };
  add(c.params, "path");
  add(c.query, "query");
  if (c.idempotent) {
    params.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Makes a retry safe: the same key and request return the first response and charge nothing (24 h).",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  return params;
}

function successResponse(c: RouteContract, collect: SchemaCollector): Json {
  const spec = c.response;
  if (spec.kind === "raw") {
    return { description: spec.description, content: { [spec.contentType]: { schema: { type: "string" } } } };
  }
  const meta: Json =
    spec.kind === "list"
      ? {
          type: "object",
          properties: { request_id: { type: "string" }, next_cursor: { type: ["string", "null"] } },
          required: ["request_id", "next_cursor"],
        }
      : { type: "object", properties: { request_id: { type: "string" } }, required: ["request_id"] };
  const data = spec.kind === "list" ? { type: "array", items: collect.convert(spec.item, "output") } : collect.convert(spec.schema, "output");
  return {
    description: spec.kind === "list" ? "A page of results." : "Success.",
    content: {
      "application/json": {
        schema: { type: "object", properties: { data, meta, error: { type: "null" } }, required: ["data", "meta", "error"] },
      },
    },
  };
}

function errorCodesOf(c: RouteContract): ErrorCode[] {
  const codes = new Set<ErrorCode>(c.errors ?? []);
  if (c.auth !== "public") {
    codes.add("unauthorized");
    codes.add("forbidden");
    codes.add("rate_limited");
  }
  if (c.rateLimit) codes.add("rate_limited");
  if (c.params || c.query || c.body || c.idempotent) codes.add("invalid_params");
  if (c.body) {
    codes.add("invalid_json");
    codes.add("payload_too_large");
  }
  if (c.params) codes.add("not_found");
  if (c.idempotent) codes.add("conflict");
  codes.add("internal");
  return [...codes];
}

function operationOf(c: RouteContract, collect: SchemaCollector): Json {
  const responses: Json = { [String(c.status ?? 200)]: successResponse(c, collect) };
  const byStatus = new Map<number, string[]>();
  for (const code of errorCodesOf(c)) {
    const [status, text] = STATUS_TEXT[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), text]);
  }
  for (const [status, texts] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: [...new Set(texts)].join(" "),
      content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" } } },
      ...(status === 429
        ? { headers: { "Retry-After": { description: "Seconds until the limit resets.", schema: { type: "integer" } } } }
        : {}),
    };
  }
  for (const raw of c.rawErrors ?? []) {
    responses[String(raw.status)] = {
      description: raw.description,
      ...(raw.contentType ? { content: { [raw.contentType]: { schema: { type: "string" } } } } : {}),
    };
  }
  const scopeNote = c.auth === "public" ? "Public: no authentication." : `Requires scope \`${c.scope ?? "none"}\`.`;
  const op: Json = {
    operationId: c.id,
    summary: c.summary,
    description: [c.description, scopeNote].filter(Boolean).join("\n\n"),
    tags: [...c.tags],
    parameters: parametersOf(c, collect),
    responses,
    security: c.auth === "public" ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
  };
  if (c.scope) op["x-required-scope"] = c.scope;
  if (c.body) {
    op.requestBody = { required: true, content: { "application/json": { schema: collect.convert(c.body, "input") } } };
  }
  return op;
}

export function buildOpenApiDocument(opts: { version: string; serverUrl?: string; contracts?: readonly RouteContract[] }): Json {
  const contracts = opts.contracts ?? allContracts;
  const collect = new SchemaCollector();
  collect.convert(errorEnvelopeSchema, "output");
  const paths: Record<string, Json> = {};
  const seen = new Set<string>();
  for (const c of contracts) {
    if (seen.has(c.id)) throw new Error(`OpenAPI: duplicate operationId ${c.id}`);
    seen.add(c.id);
    const item = (paths[c.path] ??= {});
    item[c.method.toLowerCase()] = operationOf(c, collect);
  }
  const tags = [...new Set(contracts.flatMap((c) => c.tags))].sort().map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: { title: "Plumb API", version: opts.version, description: API_DESCRIPTION, license: { name: "MIT", identifier: "MIT" } },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    tags,
    paths,
    components: {
      schemas: collect.components,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "plumb_<secret>", description: "An API key from the dashboard or `plumb admin create-api-key`." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The dashboard session (same-origin requests only)." },
      },
    },
  };
}
