// Kill -9 between the commit of a scan and the send of its job: the scan's outbox row survives, and the next
// process to start sends it, so the scan runs (here it fails fast, its host does not resolve, and is refunded
// once — which only a run of the real scan function can do). Real child processes, PGlite or PostgreSQL.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { createTestDatabase, testEngine } from "@/test/support/db";

const CHILD = path.resolve("test/jobs/fixtures/outbox-crash.ts");

let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const base: NodeJS.ProcessEnv = { ...process.env, PLUMB_JOBS_POLL_SECONDS: "0.5", PLUMB_JOBS_CRON: "off", PLUMB_ROLE: "" };
  if (testEngine() === "postgres") {
    const db: Database = await createTestDatabase();
    const url = db.pool?.options.connectionString;
    if (!url) throw new Error("test database without a connection string");
    await db.prisma.$disconnect();
    env = { ...base, DATABASE_URL: url };
    cleanup = () => db.close();
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-outbox-crash-"));
    const { DATABASE_URL: _ignored, ...rest } = base;
    env = { ...rest, PLUMB_DATA_DIR: dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
});

afterAll(async () => {
  await cleanup?.();
});

function runChild(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, ...args], { env, cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill("SIGTERM"), 540_000);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

it("a process killed between the commit and the send loses no job: the next start runs it", async () => {
  const died = await runChild(["commit-then-die"]);
  expect(died.signal, died.stderr).toBe("SIGKILL"); // its own kill -9, not the test's time limit (SIGTERM)
  const { scanId } = JSON.parse(died.stdout.trim().split("\n")[0]) as { scanId: string };

  const fresh = await runChild(["start", scanId]);
  expect(fresh.code, fresh.stderr).toBe(0);
  const report = JSON.parse(fresh.stdout.trim().split("\n").at(-1) ?? "{}") as {
    status: string;
    error: string | null;
    unsentBefore: number;
    sentAfter: number;
    runs: { status: string; event: { data: { scanId: string } } }[];
    refunds: number;
  };
  expect(report.unsentBefore).toBe(1); // the killed process committed the row and never sent it
  expect(report.sentAfter).toBe(1);
  expect(report.runs.filter((r) => r.event.data.scanId === scanId)).toHaveLength(1);
  expect(report.status).toBe("failed");
  expect(report.error).toMatch(/unreachable|resolve|ENOTFOUND/i);
  expect(report.refunds).toBe(1);
}, 1_200_000);
