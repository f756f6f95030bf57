import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runProcess, BIN } from "./cli-env";

// The embedded database belongs to one process at a time: while a "server" holds it, the CLI must fail
// at once with a clear message, and it must work again once that process is gone (even killed -9).
// Each test spawns the CLI several times (a cold tsx start each): minutes on a 2-core machine running other suites.
describe("plumb admin against an embedded database held by a server", { timeout: 300_000 }, () => {
  let holder: ChildProcess | undefined;
  let dir: string | undefined;
  afterEach(() => {
    holder?.kill("SIGKILL");
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("fails fast with a clear error, then works after the holder dies", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-locked-"));
    const env: NodeJS.ProcessEnv = { ...process.env, PLUMB_DATA_DIR: dir, NODE_ENV: "test" };
    delete env.DATABASE_URL;

    const server = spawn(process.execPath, ["--import", "tsx", path.resolve("test/cli/hold-database.ts")], { env, stdio: ["ignore", "pipe", "inherit"] });
    holder = server;
    await new Promise<void>((resolve, reject) => {
      server.stdout.on("data", (d) => String(d).includes("ready") && resolve());
      server.on("exit", (code) => reject(new Error(`holder exited early (${code})`)));
    });

    const blocked = await runProcess(process.execPath, [BIN, "admin", "create-user", "--email", "a@example.com", "--password", "locked-db-pass-1", "--org", "A", "--json"], env);
    expect(blocked.code).toBe(1);
    expect(JSON.parse(blocked.stdout).error.code).toBe("database_locked");
    expect(blocked.stderr).toContain(`pid ${server.pid}`);
    expect(blocked.stderr).toMatch(/in use by another Plumb process \(plumb server/);

    server.kill("SIGKILL");
    await new Promise((r) => server.once("exit", r));

    const after = await runProcess(process.execPath, [BIN, "admin", "create-user", "--email", "a@example.com", "--password", "locked-db-pass-1", "--org", "A"], env);
    expect(after.stderr).toBe("");
    expect(after.code).toBe(0);
  });
});
