// Property-based fuzzing of /api/v1, driven by the OpenAPI document the real server serves: random (and
// deliberately nasty) path params, query strings, JSON bodies and credentials for every documented operation.
// Property: no answer is a 5xx, and every answer of a JSON route is the envelope (the badge, file downloads,
// the SSE stream and openapi.json itself are not envelopes and are only held to "no 5xx").
//
// Deterministic: the seed is printed and can be replayed with PLUMB_FUZZ_SEED; bounded by PLUMB_FUZZ_RUNS
// (default 800) and a time limit. PLUMB_FUZZ_BASE_URL (+ PLUMB_FUZZ_API_KEY) aims it at a running server.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, startServer, SERVER_START_TIMEOUT, type SeededOrg, type TestServer } from "@/test/support/server";

const SEED = Number(process.env.PLUMB_FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.PLUMB_FUZZ_RUNS ?? 800);
const TIME_LIMIT_MS = Number(process.env.PLUMB_FUZZ_TIME_LIMIT_MS ?? 240_000);

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema?: JsonSchema;
}
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  $ref?: string;
}
interface Operation {
  method: string;
  path: string;
  params: Parameter[];
  body?: JsonSchema;
  /** Not the envelope: badge, downloads, SSE, the OpenAPI document. */
  raw: boolean;
}

interface Target {
  baseUrl: string;
  apiKey: string;
  stop(): Promise<void>;
}

let target: Target;
let server: TestServer<{ a: SeededOrg }> | undefined;

beforeAll(async () => {
  if (process.env.PLUMB_FUZZ_BASE_URL) {
    target = { baseUrl: process.env.PLUMB_FUZZ_BASE_URL, apiKey: process.env.PLUMB_FUZZ_API_KEY ?? "", stop: async () => undefined };
    return;
  }
  server = await startServer({ seed: async (db) => ({ a: await seedOrg(db, { scopes: "all" }) }) });
  target = { baseUrl: server.baseUrl, apiKey: server.seeded.a.apiKey, stop: () => server!.stop() };
}, SERVER_START_TIMEOUT);

afterAll(async () => {
  await target?.stop();
});

function resolveRef(doc: Record<string, unknown>, schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) {
    const name = s.$ref.split("/").pop()!;
    s = ((doc.components as { schemas?: Record<string, JsonSchema> })?.schemas ?? {})[name];
  }
  return s;
}

function operationsOf(doc: Record<string, unknown>): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const op = raw as { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; responses?: Record<string, { content?: Record<string, unknown> }> };
      const success = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith("2"))?.[1];
      const types = Object.keys(success?.content ?? {});
      ops.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: resolveRef(doc, op.requestBody?.content?.["application/json"]?.schema),
        raw: path.endsWith("/openapi.json") || (types.length > 0 && !types.includes("application/json")),
      });
    }
  }
  return ops;
}

// ---------- arbitraries ----------

const NASTY = [
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "%",
  "%zz",
  "%E0%A4%A",
  "../../etc/passwd",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "😀",
  "\u202e",
  " ",
  "",
  "-1",
  "0",
  "1e309",
  "NaN",
  "null",
  "[]",
  "{}",
  "x".repeat(3000),
];
const nasty = fc.constantFrom(...NASTY);
const str = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }), nasty);
const scalar = fc.oneof(str, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [scalar];
  if (schema?.enum?.length) options.push(fc.constantFrom(...schema.enum));
  const types = Array.isArray(schema?.type) ? schema!.type : schema?.type ? [schema.type] : [];
  if (types.includes("integer") || types.includes("number")) options.push(fc.integer({ min: -5, max: 1000 }));
  if (types.includes("string")) options.push(fc.string({ maxLength: 30 }), fc.webUrl(), fc.domain());
  if (types.includes("array") && depth < 2) options.push(fc.array(valueFor(schema?.items, depth + 1), { maxLength: 4 }));
  if (types.includes("object") && schema?.properties && depth < 2) options.push(objectFor(schema, depth + 1));
  for (const alt of schema?.anyOf ?? []) options.push(valueFor(alt, depth + 1));
  if (depth < 2) options.push(fc.jsonValue({ maxDepth: 2 }));
  return fc.oneof(...options);
}

function objectFor(schema: JsonSchema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.keys(schema.properties ?? {});
  const known = props.length
    ? fc.record(Object.fromEntries(props.map((p) => [p, valueFor(schema.properties![p], depth)])), { requiredKeys: [] })
    : fc.constant({});
  return fc.tuple(known, fc.dictionary(str, scalar, { maxKeys: 2 })).map(([k, extra]) => ({ ...extra, ...k }));
}

/** Percent-encodes a path segment, including lone surrogates (which encodeURIComponent refuses). */
function encodeSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s]
      .map((ch) => {
        const code = ch.charCodeAt(0);
        if (code >= 0xd800 && code <= 0xdfff && ch.length === 1) {
          const b = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
          return b.map((x) => `%${x.toString(16).toUpperCase().padStart(2, "0")}`).join("");
        }
        return encodeURIComponent(ch);
      })
      .join("");
  }
}

const segment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }).map(encodeSegment),
  nasty.filter((s) => s !== "").map(encodeSegment),
  // Unencoded on purpose: malformed escapes and the like must reach the server as they are.
  fc.constantFrom("%", "%zz", "%E0%A4%A", "%C0%AF", "..", "cm0000000000000000000000"),
);

type Body = { kind: "json"; value: unknown } | { kind: "text"; text: string } | { kind: "none" };

function requestFor(op: Operation) {
  const path = op.params.filter((p) => p.in === "path");
  const query = op.params.filter((p) => p.in === "query");
  const pathArb = fc.tuple(...path.map(() => segment)).map((values) => {
    let url = op.path;
    path.forEach((p, i) => (url = url.replace(`{${p.name}}`, values[i] as string)));
    return url;
  });
  const queryArb = fc
    .tuple(
      fc.record(Object.fromEntries(query.map((p) => [p.name, valueFor(p.schema)])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 8 }), str, { maxKeys: 2 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
  const bodyArb: fc.Arbitrary<Body> = op.body
    ? fc.oneof(
        { weight: 6, arbitrary: (op.body.properties ? objectFor(op.body) : valueFor(op.body)).map((value) => ({ kind: "json" as const, value })) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: "json" as const, value })) },
        { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 50 }), nasty).map((text) => ({ kind: "text" as const, text })) },
        { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
      )
    : fc.oneof({ weight: 9, arbitrary: fc.constant({ kind: "none" as const }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: "json" as const, value })) });
  const authArb = fc.oneof({ weight: 8, arbitrary: fc.constant("key") }, { weight: 1, arbitrary: fc.constant("none") }, { weight: 1, arbitrary: fc.constant("garbage") });
  return fc.record({ path: pathArb, query: queryArb, body: bodyArb, auth: authArb });
}

function queryString(q: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    const values = Array.isArray(v) ? v : [v];
    for (const one of values) parts.push(`${encodeSegment(k)}=${encodeSegment(typeof one === "string" ? one : JSON.stringify(one))}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

describe("/api/v1 under fuzzing", () => {
  it("never answers 5xx and always answers JSON routes with the envelope", { timeout: TIME_LIMIT_MS + 120_000 }, async () => {
    const doc = (await (await fetch(`${target.baseUrl}/api/v1/openapi.json`)).json()) as Record<string, unknown>;
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(10);

    const failures: string[] = [];
    let requests = 0;
    let fiveXX = 0;
    let nonEnvelope = 0;
    const started = Date.now();
    console.log(`[fuzz] seed=${SEED} runs=${RUNS} operations=${ops.length} target=${target.baseUrl} (replay: PLUMB_FUZZ_SEED=${SEED})`);

    const arb = fc.constantFrom(...ops).chain((op) => requestFor(op).map((req) => ({ op, req })));
    await fc.assert(
      fc.asyncProperty(arb, async ({ op, req }) => {
        const url = `${target.baseUrl}${req.path}${queryString(req.query)}`;
        const headers: Record<string, string> = {};
        if (req.auth === "key") headers.Authorization = `Bearer ${target.apiKey}`;
        if (req.auth === "garbage") headers.Authorization = "Bearer plumb_not-a-real-key";
        let body: string | undefined;
        if (req.body.kind === "json") {
          body = JSON.stringify(req.body.value);
          headers["Content-Type"] = "application/json";
        } else if (req.body.kind === "text") {
          body = req.body.text;
          headers["Content-Type"] = "application/json";
        }
        if (op.method === "GET") body = undefined;
        const what = `${op.method} ${req.path}${queryString(req.query)} body=${(body ?? "").slice(0, 200)}`;
        requests++;
        let res: Response;
        try {
          // Redirects are followed: Next.js answers a trailing slash (also what a ".." segment normalises to)
          // with a 308 to the canonical path, and the answer that counts is the one found there.
          res = await fetch(url, { method: op.method, headers, body, redirect: "follow", signal: AbortSignal.timeout(30_000) });
        } catch (err) {
          failures.push(`${what} -> request failed: ${(err as Error).message}`);
          return true;
        }
        if (res.status >= 500) {
          fiveXX++;
          failures.push(`${what} -> ${res.status}`);
        }
        if (op.raw || res.status === 204) {
          await res.body?.cancel();
          return true;
        }
        const text = await res.text();
        let ok = /^application\/json/.test(res.headers.get("content-type") ?? "");
        if (ok) {
          try {
            const parsed = JSON.parse(text) as Record<string, unknown>;
            const meta = parsed.meta as { request_id?: unknown } | undefined;
            const error = parsed.error as { code?: unknown } | null;
            ok =
              "data" in parsed &&
              typeof meta?.request_id === "string" &&
              res.headers.get("x-request-id") === meta.request_id &&
              (res.status < 400 ? error === null : typeof error?.code === "string");
          } catch {
            ok = false;
          }
        }
        if (!ok) {
          nonEnvelope++;
          failures.push(`${what} -> ${res.status} not the envelope: ${text.slice(0, 200)}`);
        }
        return true;
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`[fuzz] seed=${SEED}: ${requests} requests in ${seconds} s, ${fiveXX} x 5xx, ${nonEnvelope} non-envelope answers`);
    for (const f of failures.slice(0, 30)) console.log(`[fuzz]   ${f}`);
    expect(requests).toBeGreaterThan(Math.min(RUNS, 50));
    expect(failures.slice(0, 20)).toEqual([]);
    expect({ fiveXX, nonEnvelope }).toEqual({ fiveXX: 0, nonEnvelope: 0 });
  });
});
