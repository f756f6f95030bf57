// What the embedded engine gained for fairness and for features that emit events, each driven through the
// real serve() handler: keyed concurrency (one organization's burst does not block another's run),
// throttle (runs start at most `limit` per period, the rest wait, none is dropped) and step.sendEvent
// (a function starts another one, as alerts after a scan will).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Inngest } from "inngest";
import type { Database } from "@/lib/db";
import type { EmbeddedEngine } from "@/lib/jobs/embedded/engine";
import { embeddedEventFetch } from "@/lib/jobs/embedded/event-api";
import { createTestDatabase } from "@/test/support/db";
import { startTestEngine, waitForRun } from "./helpers";

// Like the app's client in embedded mode: its event API is answered by the running engine.
const client = new Inngest({
  id: "features",
  isDev: true,
  checkpointing: false,
  fetch: embeddedEventFetch,
  logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined },
});

let db: Database;
let engine: EmbeddedEngine | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
});
afterAll(async () => {
  await db.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("keyed concurrency", () => {
  it("one organization's 20 runs do not hold back another organization's run; each key stays within its limit", async () => {
    const active = new Map<string, number>();
    const maxActive = new Map<string, number>();
    const finished: string[] = [];
    const fn = client.createFunction(
      { id: "fair-scan", retries: 0, concurrency: [{ key: "event.data.orgId", limit: 1 }, { limit: 3 }], triggers: [{ event: "test/fair.scan" }] },
      async ({ event, step }) => {
        const org = (event.data as { orgId: string; n: number }).orgId;
        await step.run("work", async () => {
          active.set(org, (active.get(org) ?? 0) + 1);
          maxActive.set(org, Math.max(maxActive.get(org) ?? 0, active.get(org) ?? 0));
          // A scan's worth of waiting (a page load or two); org B's run is quick
          await sleep(org === "A" ? 1500 : 10);
          active.set(org, (active.get(org) ?? 1) - 1);
          return org;
        });
        finished.push(org);
        return org;
      },
    );
    engine = await startTestEngine(db, client, [fn]);
    await engine.send(Array.from({ length: 20 }, (_, n) => ({ name: "test/fair.scan", data: { orgId: "A", n }, id: `fair-A-${n}` })));
    while ((active.get("A") ?? 0) < 1) await sleep(20);
    const { runs } = await engine.send([{ name: "test/fair.scan", data: { orgId: "B", n: 0 }, id: "fair-B-0" }]);
    const runB = await waitForRun(db, runs[0].runId, 60_000);
    expect(runB.status).toBe("completed");
    // B did not queue behind A's 20: it finished while most of A's were still waiting for A's single slot.
    const aDoneWhenBFinished = finished.indexOf("B");
    expect(aDoneWhenBFinished).toBeGreaterThanOrEqual(0);
    expect(aDoneWhenBFinished).toBeLessThan(10);
    const deadline = Date.now() + 150_000;
    while (finished.length < 21 && Date.now() < deadline) await sleep(100);
    expect(finished.filter((o) => o === "A")).toHaveLength(20);
    // A never had two runs executing at once, although three workers were free.
    expect(maxActive.get("A")).toBe(1);
  }, 240_000);
});

describe("throttle", () => {
  it("starts at most `limit` runs per period and delays the rest without dropping any", async () => {
    const starts: number[] = [];
    const fn = client.createFunction(
      { id: "throttled", retries: 0, concurrency: 4, throttle: { limit: 2, period: "10s" }, triggers: [{ event: "test/throttled" }] },
      async ({ step }) => step.run("go", () => (starts.push(Date.now()), starts.length)),
    );
    engine = await startTestEngine(db, client, [fn]);
    const { runs } = await engine.send(Array.from({ length: 4 }, (_, n) => ({ name: "test/throttled", data: { n }, id: `thr-${n}` })));
    while (starts.length < 2) await sleep(20);
    // Inside the period: the other two are waiting their turn (their runs do not even exist yet).
    expect(await db.prisma.jobRun.count({ where: { functionId: "features-throttled" } })).toBe(2);
    for (const r of runs) expect((await waitForRun(db, r.runId, 90_000)).status).toBe("completed");
    expect(starts).toHaveLength(4);
    const created = (await db.prisma.jobRun.findMany({ where: { functionId: "features-throttled" }, orderBy: { createdAt: "asc" } })).map((r) => r.createdAt.getTime());
    expect(created[2] - created[0]).toBeGreaterThanOrEqual(10_000);
    expect(created[3] - created[1]).toBeGreaterThanOrEqual(10_000);
  }, 150_000);
});

describe("step.sendEvent", () => {
  it("starts the functions the event triggers, once, and memoizes the send as a step", async () => {
    const followUps: unknown[] = [];
    const settle = client.createFunction({ id: "settle", retries: 1, triggers: [{ event: "test/scan.settled" }] }, async ({ event, step }) => {
      const n = await step.run("settle", () => (event.data as { n: number }).n);
      const sent = await step.sendEvent("emit-alert", { name: "test/alert.requested", data: { n }, id: `alert-${n}` });
      return { ids: sent.ids };
    });
    const alert = client.createFunction({ id: "alert", triggers: [{ event: "test/alert.requested" }] }, async ({ event, step }) =>
      step.run("deliver", () => (followUps.push(event.data), event.data)),
    );
    engine = await startTestEngine(db, client, [settle, alert]);
    const { runs } = await engine.send([{ name: "test/scan.settled", data: { n: 42 }, id: "settled-42" }]);
    const run = await waitForRun(db, runs[0].runId);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ ids: ["alert-42"] });
    const alertRun = await waitForRunOf(db, "features-alert");
    expect(alertRun.status).toBe("completed");
    expect(alertRun.output).toEqual({ n: 42 });
    expect(followUps).toEqual([{ n: 42 }]);
    const emitStep = await db.prisma.jobStep.findFirst({ where: { runId: run.id, stepName: "emit-alert" } });
    expect(emitStep?.data).toEqual({ type: "data", data: { ids: ["alert-42"] } });
  });

  it("refuses, loudly, an Inngest API call the engine does not answer", async () => {
    await expect(embeddedEventFetch("https://inn.gs/v1/runs/abc", { method: "GET" })).rejects.toThrow(/embedded mode/);
  });
});

async function waitForRunOf(database: Database, functionId: string) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const run = await database.prisma.jobRun.findFirst({ where: { functionId, status: { not: "running" } } });
    if (run) return run;
    if (Date.now() > deadline) throw new Error(`no finished run of ${functionId}`);
    await sleep(50);
  }
}
