// Pins the part of the inngest SDK's executor protocol the embedded driver relies on. If an `inngest` upgrade
// changes any of this, this test fails before the engine silently misbehaves.
import { describe, expect, it } from "vitest";
import { NonRetriableError } from "inngest";
import { serve } from "inngest/next";
import { buildRunRequest, readReply, type HandlerReply, type MemoizedStep } from "@/lib/jobs/embedded/protocol";
import { testClient } from "./helpers";

const client = testClient("contract");
const event = { name: "test/contract", data: { n: 2 }, id: "evt-1", ts: 1_700_000_000_000 };

const threeSteps = client.createFunction({ id: "three-steps", retries: 1, triggers: [{ event: "test/contract" }] }, async ({ event: e, step }) => {
  const a = await step.run("first", () => (e.data as { n: number }).n * 10);
  await step.sleep("pause", "5m");
  const b = await step.run("second", () => {
    if ((e.data as { fail?: string }).fail === "retriable") throw new Error("flaky");
    if ((e.data as { fail?: string }).fail === "fatal") throw new NonRetriableError("fatal");
    return a + 1;
  });
  return { b };
});
const handler = serve({ client, functions: [threeSteps] });
const post = handler.POST as unknown as (req: Request) => Promise<Response>;

async function call(steps: Record<string, MemoizedStep>, stack: string[], opts: { attempt?: number; data?: object } = {}): Promise<HandlerReply> {
  const req = buildRunRequest({
    functionSlug: "contract-three-steps",
    stepId: "step",
    runId: "run-1",
    event: { ...event, data: opts.data ?? event.data },
    steps,
    stack,
    attempt: opts.attempt ?? 0,
    maxAttempts: 2,
  });
  return readReply(await post(req));
}

function onlyOp(reply: HandlerReply) {
  if (reply.kind !== "ops") throw new Error(`expected ops, got ${JSON.stringify(reply)}`);
  expect(reply.ops).toHaveLength(1);
  return reply.ops[0];
}

describe("inngest serve() protocol (as the embedded driver speaks it)", () => {
  it("runs a 3-step function with a sleep as StepRun, Sleep, StepRun, then 200 with the return value", async () => {
    const steps: Record<string, MemoizedStep> = {};
    const stack: string[] = [];
    const first = onlyOp(await call(steps, stack));
    expect(first).toMatchObject({ op: "StepRun", name: "first", data: 20 });
    expect(first.id).toMatch(/^[0-9a-f]{40}$/); // sha1 of the step id
    steps[first.id] = { type: "data", data: first.data };
    stack.push(first.id);

    const sleep = onlyOp(await call(steps, stack));
    expect(sleep).toMatchObject({ op: "Sleep", name: "5m", displayName: "pause" });
    steps[sleep.id] = { type: "data", data: null };
    stack.push(sleep.id);

    const second = onlyOp(await call(steps, stack));
    expect(second).toMatchObject({ op: "StepRun", name: "second", data: 21 });
    steps[second.id] = { type: "data", data: second.data };
    stack.push(second.id);

    expect(await call(steps, stack)).toEqual({ kind: "done", output: { b: 21 } });
  });

  it("answers StepError while attempts remain, StepFailed on the last, then rejects the run without retry", async () => {
    const steps: Record<string, MemoizedStep> = {};
    const stack: string[] = [];
    for (const name of ["first", "pause"]) {
      const op = onlyOp(await call(steps, stack, { data: { n: 1, fail: "retriable" } }));
      expect(op.displayName).toBe(name);
      steps[op.id] = { type: "data", data: op.data ?? null };
      stack.push(op.id);
    }
    const err = onlyOp(await call(steps, stack, { data: { n: 1, fail: "retriable" }, attempt: 0 }));
    expect(err).toMatchObject({ op: "StepError", error: { message: "flaky" } });
    const failed = onlyOp(await call(steps, stack, { data: { n: 1, fail: "retriable" }, attempt: 1 }));
    expect(failed).toMatchObject({ op: "StepFailed", error: { message: "flaky" } });
    steps[failed.id] = { type: "error", error: failed.error };
    stack.push(failed.id);
    const end = await call(steps, stack, { data: { n: 1, fail: "retriable" } });
    expect(end).toMatchObject({ kind: "rejected", retriable: false, error: { message: "flaky" } });
  });

  it("answers StepFailed at once for a NonRetriableError", async () => {
    const steps: Record<string, MemoizedStep> = {};
    const stack: string[] = [];
    for (let i = 0; i < 2; i++) {
      const op = onlyOp(await call(steps, stack, { data: { n: 1, fail: "fatal" } }));
      steps[op.id] = { type: "data", data: op.data ?? null };
      stack.push(op.id);
    }
    expect(onlyOp(await call(steps, stack, { data: { n: 1, fail: "fatal" } }))).toMatchObject({ op: "StepFailed" });
  });

  it("plans parallel steps and runs one when asked by stepId", async () => {
    const par = client.createFunction({ id: "par", triggers: [{ event: "test/contract" }] }, async ({ step }) => {
      const [x, y] = await Promise.all([step.run("x", () => 1), step.run("y", () => 2)]);
      return x + y;
    });
    const h = serve({ client, functions: [par] }).POST as unknown as (req: Request) => Promise<Response>;
    const base = { functionSlug: "contract-par", runId: "r", event, steps: {}, stack: [], attempt: 0, maxAttempts: 4 };
    const planned = await readReply(await h(buildRunRequest({ ...base, stepId: "step" })));
    if (planned.kind !== "ops") throw new Error("expected ops");
    expect(planned.ops.map((o) => [o.op, o.displayName])).toEqual([
      ["StepPlanned", "x"],
      ["StepPlanned", "y"],
    ]);
    const ran = await readReply(await h(buildRunRequest({ ...base, stepId: planned.ops[1].id })));
    expect(ran.kind === "ops" && ran.ops[0]).toMatchObject({ op: "StepRun", displayName: "y", data: 2 });
  });

  it("routes an onFailure handler as <slug>-failure with the inngest/function.failed event", async () => {
    const withFailure = client.createFunction(
      { id: "with-failure", triggers: [{ event: "test/contract" }], onFailure: async ({ event: e, error }) => ({ saw: e.data.event.name, error: error.message }) },
      async () => "never",
    );
    const h = serve({ client, functions: [withFailure] }).POST as unknown as (req: Request) => Promise<Response>;
    const failureEvent = {
      name: "inngest/function.failed",
      data: { function_id: "contract-with-failure", run_id: "r", error: { name: "Error", message: "boom" }, event },
      id: "f",
      ts: 1,
    };
    const reply = await readReply(
      await h(buildRunRequest({ functionSlug: "contract-with-failure-failure", stepId: "step", runId: "r-f", event: failureEvent, steps: {}, stack: [], attempt: 0, maxAttempts: 2 })),
    );
    expect(reply).toEqual({ kind: "done", output: { saw: "test/contract", error: "boom" } });
  });
});
