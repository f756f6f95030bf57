import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { startServer, SERVER_START_TIMEOUT, type TestServer } from "@/test/support/server";

const V1 = path.resolve(import.meta.dirname, "..", "..", "app", "api", "v1");

/** Every (method, OpenAPI path) that a route file under app/api/v1 exports. */
function routeOperations(): { method: string; path: string; file: string }[] {
  const out: { method: string; path: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(V1, path.dirname(full)).split(path.sep).filter(Boolean);
        const apiPath = `/api/v1${rel.map((seg) => `/${seg.replace(/^\[(.+)\]$/, "{$1}")}`).join("")}`;
        const src = fs.readFileSync(full, "utf8");
        for (const m of src.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) {
          out.push({ method: m[1].toLowerCase(), path: apiPath, file: path.relative(V1, full) });
        }
      }
    }
  };
  walk(V1);
  return out;
}

describe("GET /api/v1/openapi.json", () => {
  let server: TestServer<undefined>;
  let doc: Record<string, any>;
  beforeAll(async () => {
    server = await startServer();
    const res = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    doc = await res.json();
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.servers).toEqual([{ url: server.baseUrl }]);
  });

  it("documents every route file's methods (contracts registered in lib/api/contract/index.ts)", () => {
    const ops = routeOperations();
    expect(ops.length).toBeGreaterThan(10);
    const missing = ops.filter((op) => !doc.paths[op.path]?.[op.method]).map((op) => `${op.method.toUpperCase()} ${op.path} (${op.file})`);
    expect(missing).toEqual([]);
    const documented = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item as object).map((m) => `${m} ${p}`));
    const served = new Set(ops.map((op) => `${op.method} ${op.path}`));
    expect(documented.filter((d) => !served.has(d))).toEqual([]);
  });

  it("documents bearer auth, scopes, the error envelope and the price of a scan", () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const create = doc.paths["/api/v1/domains"].post;
    expect(create["x-required-scope"]).toBe("domains:write");
    expect(create.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(create.responses["422"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ErrorEnvelope" });
    expect(create.requestBody.content["application/json"].schema.properties).toHaveProperty("hostname");
    expect(doc.paths["/api/v1/badge"].get.security).toEqual([]);
    expect(doc.components.schemas.Error.properties.code.enum).toEqual(
      expect.arrayContaining(["unauthorized", "forbidden", "not_found", "invalid_json", "invalid_params", "conflict", "domain_not_verified", "insufficient_credits", "rate_limited", "internal"]),
    );
    expect(doc.info.description).toMatch(/1 credit per pillar/);
    expect(doc.info.description).toMatch(/Idempotency-Key/);
    const list = doc.paths["/api/v1/domains"].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["limit", "cursor"]));
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
