// Runs the real `plumb` binary as a subprocess against a throwaway database of the engine under test:
// a temp PLUMB_DATA_DIR (PGlite), or a fresh database on DATABASE_URL's server with PLUMB_TEST_DB=postgres.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngine } from "@/test/support/db";

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
    const base = process.env.DATABASE_URL;
    if (!base) throw new Error("PLUMB_TEST_DB=postgres needs DATABASE_URL");
    const pg = (await import("pg")).default;
    const name = `plumb_cli_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDb = async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    };
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
