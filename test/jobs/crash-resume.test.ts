// A process killed (SIGKILL) inside a step: a new process on the same database resumes the run; steps that had
// completed are not re-run, the interrupted one runs again (at-least-once, as on Inngest).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { createTestDatabase, testEngine } from "@/test/support/db";

const WORKER = path.resolve("test/jobs/fixtures/crash-worker.ts");

let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (testEngine() === "postgres") {
    const db: Database = await createTestDatabase();
    const url = db.pool?.options.connectionString;
    if (!url) throw new Error("test database without a connection string");
    await db.prisma.$disconnect();
    env = { ...process.env, DATABASE_URL: url };
    cleanup = () => db.close();
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-crash-"));
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    env = { ...rest, PLUMB_DATA_DIR: dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
});

afterAll(async () => {
  await cleanup?.();
});

function runWorker(mode: "crash" | "resume"): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // One process (node + the tsx loader), so that the SIGKILL is seen by us rather than by a tsx wrapper.
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, mode], { env, cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), 110_000);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

it("resumes a run after the process is killed mid-step, without re-running completed steps", async () => {
  const crashed = await runWorker("crash");
  expect(crashed.signal, crashed.stderr).toBe("SIGKILL");
  const { runId } = JSON.parse(crashed.stdout.trim().split("\n")[0]) as { runId: string };

  const resumed = await runWorker("resume");
  expect(resumed.code, resumed.stderr).toBe(0);
  const report = JSON.parse(resumed.stdout.trim().split("\n").at(-1) ?? "{}") as {
    runId: string;
    status: string;
    output: unknown;
    steps: { step: string; pid: number }[];
  };
  expect(report.runId).toBe(runId);
  expect(report.status).toBe("completed");
  expect(report.output).toBe(3);
  expect(report.steps.map((s) => s.step)).toEqual(["a", "b", "b", "c"]);
  // a and the first b ran in the killed process, the second b and c in the new one
  const pids = report.steps.map((s) => s.pid);
  expect(pids[0]).toBe(pids[1]);
  expect(pids[2]).not.toBe(pids[0]);
  expect(pids[3]).toBe(pids[2]);
}, 240_000);
