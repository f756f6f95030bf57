import { describe, expect, it } from "vitest";
import { cron } from "inngest";
import { buildRegistry, concurrencyGroup, throttleKey, UnsupportedInEmbeddedMode } from "@/lib/jobs/embedded/registry";
import { functions } from "@/inngest/functions";
import { inngest } from "@/inngest/client";
import { testClient } from "./helpers";

const client = testClient("reg");
const noop = async () => undefined;

describe("embedded registry", () => {
  it("maps event and cron triggers, retries, concurrency and onFailure to queues", () => {
    const fn = client.createFunction(
      { id: "mapped", retries: 5, concurrency: { limit: 2 }, triggers: [{ event: "a/b" }, cron("TZ=Europe/Paris 0 4 * * *")], onFailure: noop },
      noop,
    );
    const [main, failure] = buildRegistry(client, [fn], 4);
    expect(main).toMatchObject({
      slug: "reg-mapped",
      queue: "inngest.reg-mapped",
      kind: "main",
      events: ["a/b"],
      crons: [{ expression: "0 4 * * *", tz: "Europe/Paris" }],
      maxAttempts: 6,
      concurrency: 2,
    });
    expect(failure).toMatchObject({ slug: "reg-mapped-failure", kind: "failure", maxAttempts: 2 });
    expect(main.failure).toBe(failure);
  });

  const t = [{ event: "a/b" }] as const;
  it.each([
    ["batchEvents", () => client.createFunction({ id: "bad", triggers: [...t], batchEvents: { maxSize: 10, timeout: "5s" } }, noop)],
    ["debounce", () => client.createFunction({ id: "bad", triggers: [...t], debounce: { period: "5s" } }, noop)],
    ["rateLimit", () => client.createFunction({ id: "bad", triggers: [...t], rateLimit: { limit: 1, period: "1m" } }, noop)],
    ["cancelOn", () => client.createFunction({ id: "bad", triggers: [...t], cancelOn: [{ event: "a/cancel", match: "data.id" }] }, noop)],
    ["idempotency", () => client.createFunction({ id: "bad", triggers: [...t], idempotency: "event.data.id" }, noop)],
    ["account-scoped concurrency", () => client.createFunction({ id: "bad", triggers: [...t], concurrency: { limit: 1, key: "event.data.org", scope: "account" } }, noop)],
    ["a computed concurrency key", () => client.createFunction({ id: "bad", triggers: [...t], concurrency: { limit: 1, key: "event.data.a + event.data.b" } }, noop)],
    ["two keyed concurrency limits", () => client.createFunction({ id: "bad", triggers: [...t], concurrency: [{ limit: 1, key: "event.data.a" }, { limit: 1, key: "event.data.b" }] }, noop)],
    ["a throttle with a computed key", () => client.createFunction({ id: "bad", triggers: [...t], throttle: { limit: 1, period: "1s", key: "event.data.a + 1" } }, noop)],
  ])("refuses %s at registration", (_label, make) => {
    expect(() => buildRegistry(client, [make()], 4)).toThrow(UnsupportedInEmbeddedMode);
  });

  it("refuses waitForEvent and invoke found in the handler, and trigger expressions", () => {
    const waits = client.createFunction({ id: "waits", triggers: [{ event: "a/b" }] }, async ({ step }) => {
      await step.waitForEvent("wait", { event: "a/c", timeout: "1h" });
    });
    expect(() => buildRegistry(client, [waits], 4)).toThrow(/step\.waitForEvent/);
    const invokes = client.createFunction({ id: "invokes", triggers: [{ event: "a/b" }] }, async ({ step }) => {
      await step.invoke("call", { function: waits });
    });
    expect(() => buildRegistry(client, [invokes], 4)).toThrow(/step\.invoke/);
    const expr = client.createFunction({ id: "expr", triggers: [{ event: "a/b", if: "event.data.x == 1" }] }, noop);
    expect(() => buildRegistry(client, [expr], 4)).toThrow(/if/);
    const wild = client.createFunction({ id: "wild", triggers: [{ event: "a/*" }] }, noop);
    expect(() => buildRegistry(client, [wild], 4)).toThrow(/wildcard/);
  });

  it("maps keyed concurrency (per key, plus a global limit) and throttle", () => {
    const fn = client.createFunction(
      {
        id: "fair",
        triggers: [...t],
        concurrency: [{ key: "event.data.orgId", limit: 2 }, { limit: 5 }],
        throttle: { limit: 3, period: "1m", burst: 1, key: "event.data.orgId" },
      },
      noop,
    );
    const [spec] = buildRegistry(client, [fn], 4);
    expect(spec.concurrency).toBe(5);
    expect(spec.keyedConcurrency).toEqual({ expression: "event.data.orgId", path: ["data", "orgId"], limit: 2 });
    expect(spec.throttle).toEqual({ limit: 3, burst: 1, periodMs: 60_000, keyPath: ["data", "orgId"] });
    expect(concurrencyGroup(spec, { data: { orgId: "org_1" } })).toBe("org_1");
    expect(concurrencyGroup(spec, { data: {} })).toBeUndefined();
    expect(throttleKey(spec, { data: { orgId: 7 } })).toBe("7");
  });

  it("accepts step.sendEvent (answered by the engine) ", () => {
    const sends = client.createFunction({ id: "sends", triggers: [...t] }, async ({ step }) => {
      await step.sendEvent("emit", { name: "a/c", data: {} });
    });
    expect(() => buildRegistry(client, [sends], 4)).not.toThrow();
  });

  it("accepts every function Plumb ships, the scan keyed per organization", () => {
    const specs = buildRegistry(inngest, functions, 4);
    expect(specs.map((s) => s.slug)).toContain("plumb-purge-expired-idempotency-keys");
    expect(specs.map((s) => s.slug)).toContain("plumb-outbox-sweep");
    const scan = specs.find((s) => s.slug === "plumb-scan-requested");
    expect(scan?.keyedConcurrency).toMatchObject({ expression: "event.data.organizationId" });
  });
});
