import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { EnvError } from "@/lib/env";
import { isServiceError } from "@/lib/services/errors";
import { adminUsage, runAdmin } from "./admin";
import { createOutput, printError } from "./output";
import { EXIT, UsageError } from "./usage-error";

const usage = `Usage:
  plumb scan <url> [options]      audit a site with the scanner alone (no database); plumb scan --help
  plumb admin <command> [flags]   manage organizations, users, API keys and credits; plumb admin help
  plumb worker                    run background jobs only (scans, schedules), no web; plumb worker --help

${adminUsage}`;

// The scanner's CLI lives in lib/cli/scan.ts (owned by the scanner); it may not exist in every checkout.
async function runScan(argv: string[]): Promise<number> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (!fs.existsSync(path.join(here, "scan.ts"))) {
    throw new UsageError("`plumb scan` is not available in this build (lib/cli/scan.ts is missing).");
  }
  const mod = (await import("./scan")) as { runScanCli(argv: string[]): Promise<number> };
  return mod.runScanCli(argv);
}

/** Runs the CLI; returns the process exit code (0 ok, 1 failure, 2 bad usage). Never calls process.exit. */
export async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "scan":
        return await runScan(rest);
      case "worker":
        return await (await import("./worker")).runWorkerCli(rest);
      case "admin":
        await runAdmin(rest, createOutput(json));
        return EXIT.ok;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(usage + "\n");
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`Unknown command "${command}".`, usage);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      printError(json, "usage", err.message);
      if (!json && err.usage) process.stderr.write(`\n${err.usage}\n`);
      return EXIT.usage;
    }
    if (isServiceError(err)) printError(json, err.code, err.message);
    else if (err instanceof DataDirLockedError) printError(json, "database_locked", err.message);
    else if (err instanceof EnvError) printError(json, "invalid_config", err.message);
    else printError(json, "internal", err instanceof Error ? (err.stack ?? err.message) : String(err));
    return EXIT.failure;
  }
}
