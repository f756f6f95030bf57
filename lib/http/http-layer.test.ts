import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError, z } from "zod";
import { createTestDatabase } from "@/test/support/db";
import type { Database, Prisma } from "@/lib/db";
import { ServiceError } from "@/lib/services/errors";
import { ConflictError, RateLimitedError, toApiError } from "./errors";
import { runIdempotent, requestHash } from "./idempotency";
import { decodeCursor, encodeCursor, pageOf, pageQuery } from "./pagination";
import { hitRateLimit } from "./rate-limit";
import { clientIp } from "./client-ip";

describe("lib/http against the database", () => {
  let db: Database;
  let orgId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    orgId = (await db.prisma.organization.create({ data: { name: "Http", slug: "http" } })).id;
  });
  afterAll(async () => db?.close());

  describe("runIdempotent", () => {
    const input = (key: string, body: unknown) => ({ orgId, key, method: "POST", path: "/api/v1/scans", hash: requestHash("POST", "/api/v1/scans", body) });

    it("runs once and replays the stored status and body for the same key and request", async () => {
      let runs = 0;
      const exec = async () => ({ status: 202, body: { data: { status: "queued", n: ++runs }, meta: { request_id: "req_1" }, error: null } });
      const first = await runIdempotent(db.prisma, input("k1", { a: 1, b: 2 }), exec);
      // Same request with keys in another order: the same request.
      const second = await runIdempotent(db.prisma, input("k1", { b: 2, a: 1 }), exec);
      expect(runs).toBe(1);
      expect(first).toMatchObject({ status: 202, replayed: false });
      expect(second).toEqual({ status: 202, body: first.body, replayed: true });
      // Byte for byte, key order included (jsonb would put "n" before "status").
      expect(JSON.stringify(second.body)).toBe(JSON.stringify(first.body));
    });

    it("refuses the same key for a different request with 409", async () => {
      await runIdempotent(db.prisma, input("k2", { a: 1 }), async () => ({ status: 201, body: {} }));
      await expect(runIdempotent(db.prisma, input("k2", { a: 2 }), async () => ({ status: 201, body: {} }))).rejects.toBeInstanceOf(ConflictError);
    });

    it("answers 409 while the first request is still running, then replays once it is done", async () => {
      let release!: () => void;
      let started!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const running = new Promise<void>((r) => (started = r));
      const slow = runIdempotent(db.prisma, input("k3", {}), async () => {
        started();
        await gate;
        return { status: 202, body: { done: true } };
      });
      await running;
      await expect(runIdempotent(db.prisma, input("k3", {}), async () => ({ status: 202, body: {} }))).rejects.toThrow(/still being processed/);
      release();
      await slow;
      expect((await runIdempotent(db.prisma, input("k3", {}), async () => ({ status: 500, body: {} }))).replayed).toBe(true);
    });

    it("does not keep 5xx outcomes or thrown errors, so a retry runs again", async () => {
      let runs = 0;
      await runIdempotent(db.prisma, input("k4", {}), async () => ({ status: 500, body: { n: ++runs } }));
      await expect(runIdempotent(db.prisma, input("k4", {}), async () => { runs++; throw new Error("boom"); })).rejects.toThrow("boom");
      const ok = await runIdempotent(db.prisma, input("k4", {}), async () => ({ status: 202, body: { n: ++runs } }));
      expect(ok.replayed).toBe(false);
      expect(runs).toBe(3);
    });

    it("keeps keys per organization", async () => {
      const other = (await db.prisma.organization.create({ data: { name: "Other", slug: "other-idem" } })).id;
      await runIdempotent(db.prisma, input("shared", { x: 1 }), async () => ({ status: 201, body: { org: "a" } }));
      const b = await runIdempotent(db.prisma, { ...input("shared", { x: 2 }), orgId: other }, async () => ({ status: 201, body: { org: "b" } }));
      expect(b).toMatchObject({ replayed: false, body: { org: "b" } });
    });
  });

  describe("runIdempotent leases", () => {
    const input = (key: string, leaseMs?: number) => ({ orgId, key, method: "POST", path: "/api/v1/scans", hash: requestHash("POST", "/api/v1/scans", { a: 1 }), leaseMs });

    it("lets a retry run once the claim of a request that never finished (a crash) has expired", async () => {
      // The first request claims the key and never completes, as when its process dies mid-way.
      void runIdempotent(db.prisma, input("stale", 2_000), () => new Promise<never>(() => undefined));
      const where = { organizationId_key: { organizationId: orgId, key: "stale" } };
      let claim = await db.prisma.idempotencyKey.findUnique({ where });
      while (!claim) {
        await new Promise((r) => setTimeout(r, 20));
        claim = await db.prisma.idempotencyKey.findUnique({ where });
      }
      await expect(runIdempotent(db.prisma, input("stale", 2_000), async () => ({ status: 201, body: { n: 1 } }))).rejects.toBeInstanceOf(ConflictError);
      await new Promise((r) => setTimeout(r, Math.max(0, claim.expiresAt.getTime() - Date.now()) + 100));
      const retried = await runIdempotent(db.prisma, input("stale", 2_000), async () => ({ status: 201, body: { n: 2 } }));
      expect(retried).toEqual({ status: 201, body: { n: 2 }, replayed: false });
      // The stored response is then kept for the full day, not the lease.
      const row = await db.prisma.idempotencyKey.findUniqueOrThrow({ where: { organizationId_key: { organizationId: orgId, key: "stale" } } });
      expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
      await new Promise((r) => setTimeout(r, 2_100));
      expect(await runIdempotent(db.prisma, input("stale", 2_000), async () => ({ status: 201, body: { n: 3 } }))).toEqual({ status: 201, body: { n: 2 }, replayed: true });
    });

    it("defaults the lease to PLUMB_IDEMPOTENCY_LEASE_SECONDS (60 s): a fresh claim still answers 409", async () => {
      void runIdempotent(db.prisma, input("fresh"), () => new Promise<never>(() => undefined));
      const where = { organizationId_key: { organizationId: orgId, key: "fresh" } };
      let row = await db.prisma.idempotencyKey.findUnique({ where });
      while (!row) {
        await new Promise((r) => setTimeout(r, 20));
        row = await db.prisma.idempotencyKey.findUnique({ where });
      }
      const lease = row.expiresAt.getTime() - row.createdAt.getTime();
      expect(lease).toBeGreaterThan(55_000);
      expect(lease).toBeLessThan(65_000);
      await expect(runIdempotent(db.prisma, input("fresh"), async () => ({ status: 201, body: {} }))).rejects.toBeInstanceOf(ConflictError);
    });
  });

  describe("hitRateLimit", () => {
    it("counts per key in the database and throws 429 with headers past the limit", async () => {
      const key = `test:${Math.random()}`;
      const states = [];
      for (let i = 0; i < 3; i++) states.push(await hitRateLimit(db.prisma, key, 3, 60));
      expect(states.map((s) => s.remaining)).toEqual([2, 1, 0]);
      const err = await hitRateLimit(db.prisma, key, 3, 60).catch((e) => e);
      expect(err).toBeInstanceOf(RateLimitedError);
      expect(err.status).toBe(429);
      expect(err.headers).toMatchObject({ "X-RateLimit-Limit": "3", "X-RateLimit-Remaining": "0" });
      expect(Number(err.headers["Retry-After"])).toBeGreaterThan(0);
      expect((await hitRateLimit(db.prisma, `${key}:other`, 3, 60)).remaining).toBe(2);
    });

    it("is atomic under concurrency: exactly `limit` of many parallel hits pass", async () => {
      const key = `test:par:${Math.random()}`;
      const results = await Promise.allSettled(Array.from({ length: 12 }, () => hitRateLimit(db.prisma, key, 5, 60)));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    });

    /** The same database, counting the queries hitRateLimit sends. */
    const counting = () => {
      const c = { queries: 0, db: undefined as unknown as Prisma };
      c.db = new Proxy(db.prisma, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver);
          if (typeof prop === "string" && prop.startsWith("$query") && typeof v === "function") {
            return (...args: unknown[]) => {
              c.queries++;
              return (v as (...a: unknown[]) => unknown).apply(target, args);
            };
          }
          return v;
        },
      });
      return c;
    };

    it("answers 429 from memory once the limit is known to be used: no query per refused request", async () => {
      const key = `test:mem:${Math.random()}`;
      const c = counting();
      for (let i = 0; i < 3; i++) await hitRateLimit(c.db, key, 3, 60);
      const afterLimit = c.queries;
      for (let i = 0; i < 200; i++) await expect(hitRateLimit(c.db, key, 3, 60)).rejects.toBeInstanceOf(RateLimitedError);
      expect(c.queries).toBe(afterLimit);
    });

    it("writes hits in batches far from the limit, and still stops at exactly the limit", async () => {
      const key = `test:batch:${Math.random()}`;
      const c = counting();
      let passed = 0;
      for (let i = 0; i < 700; i++) {
        try {
          await hitRateLimit(c.db, key, 600, 60);
          passed++;
        } catch (err) {
          expect(err).toBeInstanceOf(RateLimitedError);
        }
      }
      // Crossing a window boundary mid-loop would restart the count; then the totals differ, so say why.
      const row = await db.prisma.rateLimitBucket.findUniqueOrThrow({ where: { key } });
      expect(Number(row.count), "the loop crossed a minute boundary").toBe(passed);
      expect(passed).toBe(600);
      expect(c.queries).toBeLessThan(120);
    });

    it("sees the hits another instance wrote (the shared count) at its next sync", async () => {
      const key = `test:shared:${Math.random()}`;
      expect((await hitRateLimit(db.prisma, key, 5, 60)).remaining).toBe(4);
      // Another instance used the rest of the window's budget.
      await db.prisma.rateLimitBucket.update({ where: { key }, data: { count: 5 } });
      await expect(hitRateLimit(db.prisma, key, 5, 60)).rejects.toBeInstanceOf(RateLimitedError);
    });

    it("starts a fresh window when the old one is over", async () => {
      const key = `test:win:${Math.random()}`;
      await db.prisma.rateLimitBucket.create({ data: { key, count: 99, windowStart: new Date(0), expiresAt: new Date(1000) } });
      expect((await hitRateLimit(db.prisma, key, 3, 60)).remaining).toBe(2);
    });
  });

  describe("pagination", () => {
    it("walks rows newest first without gaps or repeats, including equal timestamps", async () => {
      const at = new Date("2026-01-01T00:00:00Z");
      for (let i = 0; i < 5; i++) {
        await db.prisma.domain.create({ data: { organizationId: orgId, host: `p${i}.example.com`, verifyToken: "t", createdAt: i < 3 ? at : new Date(at.getTime() + i) } });
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const q = pageQuery({ limit: 2, cursor });
        const rows = await db.prisma.domain.findMany({ where: { organizationId: orgId, ...q.where }, orderBy: q.orderBy, take: q.take });
        const page = pageOf(rows, 2);
        seen.push(...page.items.map((r) => r.host));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
      expect(seen.slice(0, 2)).toEqual(["p4.example.com", "p3.example.com"]);
    });

    it("round-trips cursors and rejects forged ones with invalid_params", () => {
      const pos = { createdAt: new Date("2026-02-03T04:05:06.789Z"), id: "abc" };
      expect(decodeCursor(encodeCursor(pos))).toEqual(pos);
      for (const bad of ["", "x", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["nope","id"]').toString("base64url")]) {
        expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: "invalid_params" }));
      }
    });
  });
});

describe("toApiError", () => {
  it("maps service errors, zod errors and unknown errors to stable codes without leaking details", () => {
    expect(toApiError(new ServiceError("insufficient_credits", "x", { cost: 7, balance: 2 })).error).toMatchObject({
      code: "insufficient_credits",
      status: 402,
      extra: { cost: 7, balance: 2 },
    });
    expect(toApiError(new ServiceError("domain_not_verified", "x")).error).toMatchObject({ status: 409, code: "domain_not_verified" });
    expect(toApiError(new ServiceError("not_found", "x")).error.status).toBe(404);
    const zerr = z.object({ a: z.string() }).safeParse({ a: 1 }).error as ZodError;
    expect(toApiError(zerr).error).toMatchObject({ status: 422, code: "invalid_params", issues: [expect.objectContaining({ path: ["a"] })] });
    const bug = toApiError(new Error("SELECT secret FROM users"));
    expect(bug.bug).toBe(true);
    expect(bug.error).toMatchObject({ status: 500, code: "internal" });
    expect(bug.error.message).not.toContain("secret");
  });
});

describe("clientIp", () => {
  it("takes the rightmost X-Forwarded-For entry (the one our proxy appended)", () => {
    const req = (h: Record<string, string>) => new Request("http://x/", { headers: h });
    expect(clientIp(req({ "x-forwarded-for": "1.1.1.1, 10.0.0.2" }))).toBe("10.0.0.2");
    expect(clientIp(req({ "x-forwarded-for": "::ffff:192.0.2.1" }))).toBe("192.0.2.1");
    expect(clientIp(req({}))).toBe("unknown");
  });
});
