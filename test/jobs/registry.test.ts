import { describe, expect, it } from "vitest";
import { cron } from "inngest";
import { buildRegistry, UnsupportedInEmbeddedMode } from "@/lib/jobs/embedded/registry";
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
    ["throttle", () => client.createFunction({ id: "bad", triggers: [...t], throttle: { limit: 1, period: "1s" } }, noop)],
    ["batchEvents", () => client.createFunction({ id: "bad", triggers: [...t], batchEvents: { maxSize: 10, timeout: "5s" } }, noop)],
    ["debounce", () => client.createFunction({ id: "bad", triggers: [...t], debounce: { period: "5s" } }, noop)],
    ["rateLimit", () => client.createFunction({ id: "bad", triggers: [...t], rateLimit: { limit: 1, period: "1m" } }, noop)],
    ["cancelOn", () => client.createFunction({ id: "bad", triggers: [...t], cancelOn: [{ event: "a/cancel", match: "data.id" }] }, noop)],
    ["idempotency", () => client.createFunction({ id: "bad", triggers: [...t], idempotency: "event.data.id" }, noop)],
    ["keyed concurrency", () => client.createFunction({ id: "bad", triggers: [...t], concurrency: { limit: 1, key: "event.data.org" } }, noop)],
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

  it("accepts every function Plumb ships", () => {
    const specs = buildRegistry(inngest, functions, 4);
    expect(specs.map((s) => s.slug)).toContain("plumb-purge-expired-idempotency-keys");
  });
});
