import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createTestDatabase } from "@/test/support/db";
import { setDatabase, type Database } from "@/lib/db";
import { defineContract } from "@/lib/api/define-contract";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { ServiceError } from "@/lib/services/errors";
import { defineRoute } from "./define-route";

// defineRoute called directly with Web Requests (no server): the envelope and error mapping in isolation.
const echo = defineContract({
  id: "test.echo",
  method: "POST",
  path: "/api/v1/test/{id}",
  summary: "echo",
  tags: ["test"],
  auth: "key-or-session",
  scope: "domains:write",
  params: z.object({ id: z.string().min(3) }),
  query: z.object({ n: z.coerce.number().int().default(1) }),
  body: z.object({ name: z.string() }),
  response: { kind: "json", schema: z.object({ id: z.string(), n: z.number(), name: z.string(), org: z.string() }) },
  status: 201,
});

const publicRaw = defineContract({
  id: "test.raw",
  method: "GET",
  path: "/api/v1/test-raw",
  summary: "raw",
  tags: ["test"],
  auth: "public",
  response: { kind: "raw", contentType: "text/plain", description: "text" },
});

const publicJson = defineContract({
  id: "test.json",
  method: "GET",
  path: "/api/v1/test-json",
  summary: "json",
  tags: ["test"],
  auth: "public",
  query: z.object({ mode: z.enum(["ok", "bug", "drift", "service"]) }),
  response: { kind: "json", schema: z.object({ ok: z.literal(true) }) },
});

const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });

describe("defineRoute", () => {
  let db: Database;
  let key: string;
  let orgId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    orgId = (await db.prisma.organization.create({ data: { name: "Route", slug: "route" } })).id;
    key = (await createApiKey({ orgId, name: "k", scopes: "domains:write" }, db.prisma)).rawKey;
  });
  afterAll(async () => {
    setDatabase(undefined);
    await db?.close();
  });

  const echoRoute = defineRoute(echo, async ({ params: p, query, body, actor }) => ({ id: p.id, n: query.n, name: body.name, org: actor.orgId }));
  const post = (body: string, id = "abc", q = "") =>
    echoRoute(new Request(`http://x/api/v1/test/${id}${q}`, { method: "POST", body, headers: { Authorization: `Bearer ${key}` } }), params({ id }));

  it("parses params (a Promise in Next 16), query and body and wraps the result in the envelope", async () => {
    const res = await post(JSON.stringify({ name: "n" }), "abc", "?n=7");
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({ data: { id: "abc", n: 7, name: "n", org: orgId }, meta: { request_id: expect.stringMatching(/^req_/) }, error: null });
    expect(res.headers.get("x-request-id")).toBe(body.meta.request_id);
    expect(res.headers.get("x-ratelimit-limit")).toBe("600");
  });

  it("answers 400 for unparseable JSON and 422 with prefixed issue paths", async () => {
    expect((await (await post("{nope")).json()).error.code).toBe("invalid_json");
    const bad = await post(JSON.stringify({ name: 1 }), "ab", "?n=x");
    expect(bad.status).toBe(422);
    const paths = (await bad.json()).error.issues.map((i: { path: string[] }) => i.path.join("."));
    expect(paths).toEqual(["params.id"]);
    const badBody = await post(JSON.stringify({ name: 1 }));
    expect((await badBody.json()).error.issues[0].path).toEqual(["body", "name"]);
    expect((await post("")).status).toBe(422);
  });

  it("turns unexpected errors and contract drift into 500 internal without details", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const route = defineRoute(publicJson, async ({ query }) => {
      if (query.mode === "bug") throw new Error("password=hunter2 at db.ts:12:3");
      if (query.mode === "service") throw new ServiceError("insufficient_credits", "need more", { cost: 3, balance: 1 });
      if (query.mode === "drift") return { ok: false } as unknown as { ok: true };
      return { ok: true as const };
    });
    for (const mode of ["bug", "drift"]) {
      const res = await route(new Request(`http://x/api/v1/test-json?mode=${mode}`), params({}));
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe("internal");
      expect(text).not.toMatch(/hunter2|db\.ts/);
    }
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
    const credits = await route(new Request("http://x/api/v1/test-json?mode=service"), params({}));
    expect(credits.status).toBe(402);
    expect((await credits.json()).error).toEqual({ code: "insufficient_credits", message: expect.any(String), cost: 3, balance: 1 });
  });

  it("passes raw responses through with the request id added", async () => {
    const route = defineRoute(publicRaw, async () => new Response("hello", { headers: { "Content-Type": "text/plain" } }));
    const res = await route(new Request("http://x/api/v1/test-raw"), params({}));
    expect(await res.text()).toBe("hello");
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });
});
