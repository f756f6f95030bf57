// Runs the real `plumb` binary as a subprocess against a throwaway database of the engine under test:
// a temp PLUMB_DATA_DIR (PGlite), or a fresh database on DATABASE_URL's server with PLUMB_TEST_DB=postgres.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngine } from "@/test/support/db";
import { createThrowawayPostgres } from "@/test/support/throwaway-postgres";

export const BIN = path.resolve("bin/plumb.mjs");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliEnv {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  run(args: string[], input?: string): Promise<CliResult>;
  cleanup(): Promise<void>;
}

export function runProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

export async function createCliEnv(): Promise<CliEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-cli-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PLUMB_DATA_DIR: dataDir, NODE_ENV: "test" };
  delete env.DATABASE_URL;
  let dropDb: (() => Promise<void>) | undefined;
  if (testEngine() === "postgres") {
    const throwaway = await createThrowawayPostgres("plumb_cli");
    env.DATABASE_URL = throwaway.url;
    dropDb = throwaway.drop;
  }
  return {
    env,
    dataDir,
    run: (args, input) => runProcess(process.execPath, [BIN, ...args], env, input),
    cleanup: async () => {
      await dropDb?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
