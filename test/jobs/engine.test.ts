import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NonRetriableError, eventType } from "inngest";
import { z } from "zod";
import type { Database } from "@/lib/db";
import type { EmbeddedEngine } from "@/lib/jobs/embedded/engine";
import { createTestDatabase } from "@/test/support/db";
import { startTestEngine, testClient, waitForRun } from "./helpers";

const client = testClient();
const thing = eventType("test/thing.happened", { schema: z.object({ n: z.number() }) });

let db: Database;
let engine: EmbeddedEngine | undefined;

// One database for the file (pg-boss installs its schema once); every test has its own function ids and runs.
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

async function runOne(fn: Parameters<typeof startTestEngine>[2][number], data: Record<string, unknown>) {
  engine = await startTestEngine(db, client, [fn]);
  const { runs } = await engine.send([{ name: thing.name, data }]);
  expect(runs).toHaveLength(1);
  return waitForRun(db, runs[0].runId);
}

describe("embedded engine", () => {
  it("runs a multi-step function to completion, each step once, results memoized", async () => {
    const calls: string[] = [];
    const fn = client.createFunction({ id: "multi", triggers: [{ event: thing }] }, async ({ event, step }) => {
      const a = await step.run("a", () => (calls.push("a"), event.data.n + 1));
      const b = await step.run("b", () => (calls.push("b"), a * 2));
      const c = await step.run("c", () => (calls.push("c"), { total: b + 1 }));
      return c;
    });
    const run = await runOne(fn, { n: 1 });
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ total: 5 });
    expect(calls).toEqual(["a", "b", "c"]);
    const steps = await db.prisma.jobStep.findMany({ where: { runId: run.id }, orderBy: { createdAt: "asc" } });
    expect(steps.map((s) => [s.stepName, s.data, s.attempts])).toEqual([
      ["a", { type: "data", data: 2 }, 1],
      ["b", { type: "data", data: 4 }, 1],
      ["c", { type: "data", data: { total: 5 } }, 1],
    ]);
  });

  it("retries a failing step, counting attempts per step, then succeeds", async () => {
    let flaky = 0;
    const attempts: number[] = [];
    const fn = client.createFunction({ id: "flaky", retries: 3, triggers: [{ event: thing }] }, async ({ step, attempt }) => {
      await step.run("steady", () => "ok");
      const v = await step.run("flaky", () => {
        attempts.push(attempt);
        if (++flaky < 3) throw new Error(`transient ${flaky}`);
        return "finally";
      });
      await step.run("after", () => attempts.push(attempt));
      return v;
    });
    const run = await runOne(fn, { n: 0 });
    expect(run.status).toBe("completed");
    expect(run.output).toBe("finally");
    // attempt counts 0,1,2 on the flaky step and starts again at 0 for the next step (per-step attempts)
    expect(attempts).toEqual([0, 1, 2, 0]);
    const flakyRow = await db.prisma.jobStep.findFirst({ where: { runId: run.id, stepName: "flaky" } });
    expect(flakyRow?.attempts).toBe(3);
  });

  it("fails a permanently failing step after its retries and calls onFailure once with the error", async () => {
    let executions = 0;
    const failures: { message: string; original: unknown; fnId: unknown }[] = [];
    const fn = client.createFunction(
      {
        id: "doomed",
        retries: 2,
        triggers: [{ event: thing }],
        onFailure: async ({ event, error, step }) => {
          await step.run("refund", () => {
            failures.push({ message: error.message, original: event.data.event.data, fnId: event.data.function_id });
          });
        },
      },
      async ({ step }) => {
        await step.run("explode", () => {
          executions++;
          throw new Error("always broken");
        });
      },
    );
    const run = await runOne(fn, { n: 7 });
    expect(run.status).toBe("failed");
    expect(run.error).toContain("always broken");
    expect(executions).toBe(3); // 1 + retries
    const failureRun = await waitForRun(db, `${run.id}-failure`);
    expect(failureRun.status).toBe("completed");
    expect(failures).toEqual([{ message: "always broken", original: { n: 7 }, fnId: "plumb-test-doomed" }]);
  });

  it("does not retry a NonRetriableError", async () => {
    let executions = 0;
    const fn = client.createFunction({ id: "fatal", retries: 5, triggers: [{ event: thing }] }, async ({ step }) => {
      await step.run("fatal", () => {
        executions++;
        throw new NonRetriableError("bad input");
      });
    });
    const run = await runOne(fn, { n: 0 });
    expect(run.status).toBe("failed");
    expect(executions).toBe(1);
  });

  it("lets a function catch a failed step and carry on", async () => {
    const fn = client.createFunction({ id: "recover", retries: 0, triggers: [{ event: thing }] }, async ({ step }) => {
      const r = await step.run("broken", () => {
        throw new Error("nope");
      }).catch((err: Error) => `caught: ${err.message}`);
      return step.run("after", () => r);
    });
    const run = await runOne(fn, { n: 0 });
    expect(run.status).toBe("completed");
    expect(run.output).toBe("caught: nope");
  });

  it("sleeps through a delayed job and resumes after the sleep", async () => {
    const marks: string[] = [];
    const fn = client.createFunction({ id: "sleepy", triggers: [{ event: thing }] }, async ({ step }) => {
      const before = await step.run("before", () => (marks.push("before"), Date.now()));
      await step.sleep("nap", "1s");
      const after = await step.run("after", () => (marks.push("after"), Date.now()));
      return { slept: after - before };
    });
    const run = await runOne(fn, { n: 0 });
    expect(run.status).toBe("completed");
    expect(marks).toEqual(["before", "after"]);
    expect((run.output as { slept: number }).slept).toBeGreaterThanOrEqual(1000);
    const nap = await db.prisma.jobStep.findFirst({ where: { runId: run.id, stepName: "nap" } });
    expect(nap?.data).toMatchObject({ type: "sleep" });
  });

  it("runs parallel steps (one at a time) and returns both results", async () => {
    const fn = client.createFunction({ id: "parallel", triggers: [{ event: thing }] }, async ({ step }) => {
      const [x, y] = await Promise.all([step.run("x", () => 1), step.run("y", () => 2)]);
      return x + y;
    });
    const run = await runOne(fn, { n: 0 });
    expect(run.status).toBe("completed");
    expect(run.output).toBe(3);
  });

  it("deduplicates events by id", async () => {
    let runsStarted = 0;
    const fn = client.createFunction({ id: "dedupe", triggers: [{ event: thing }] }, async ({ step }) => {
      await step.run("count", () => runsStarted++);
    });
    engine = await startTestEngine(db, client, [fn]);
    const first = await engine.send([{ name: thing.name, data: { n: 1 }, id: "same-id" }]);
    await waitForRun(db, first.runs[0].runId);
    const second = await engine.send([{ name: thing.name, data: { n: 1 }, id: "same-id" }]);
    expect(second.runs[0].runId).toBe(first.runs[0].runId);
    await engine.stop();
    engine = undefined;
    expect(runsStarted).toBe(1);
    expect(await db.prisma.jobRun.count({ where: { functionId: "plumb-test-dedupe" } })).toBe(1);
  });

  it("honours a function's concurrency limit", async () => {
    let active = 0;
    let peak = 0;
    const fn = client.createFunction({ id: "one-at-a-time", concurrency: 1, triggers: [{ event: thing }] }, async ({ step }) => {
      await step.run("work", async () => {
        peak = Math.max(peak, ++active);
        await new Promise((r) => setTimeout(r, 150));
        active--;
      });
    });
    engine = await startTestEngine(db, client, [fn]);
    const { runs } = await engine.send([1, 2, 3].map((n) => ({ name: thing.name, data: { n } })));
    for (const r of runs) expect((await waitForRun(db, r.runId)).status).toBe("completed");
    expect(peak).toBe(1);
  });

  it("fails a run loudly when it reaches a step op the engine does not implement", async () => {
    const fn = client.createFunction({ id: "sneaky", retries: 0, triggers: [{ event: thing }] }, async ({ step }) => {
      await step.run("before", () => "ok");
      // Reached through an alias, so the start-up source check cannot see it; the driver refuses the op.
      const tools: Record<string, (...args: unknown[]) => Promise<unknown>> = step as never;
      await tools["waitFor" + "Event"]("wait", { event: "test/never", timeout: "1h" });
    });
    const run = await runOne(fn, { n: 0 });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/WaitForEvent.*embedded job engine/);
  });
});
