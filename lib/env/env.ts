import path from "node:path";
import { envSchema, type RawEnv } from "./schema";
import { EnvError } from "./errors";
import { jobMode, type JobMode } from "@/lib/jobs/mode";

export interface Env extends RawEnv {
  /** Absolute PLUMB_DATA_DIR. */
  dataDir: string;
  /** "postgres" when DATABASE_URL is set (production, several instances), else the embedded PGlite. */
  database: "postgres" | "embedded";
  /** Inngest drives background work when configured; otherwise the in-process engine does. */
  jobs: JobMode;
  /** Create the demo organization and user on a first start (PLUMB_DEMO_SEED, default: embedded mode only). */
  demoSeed: boolean;
}

/** Parses an environment (process.env by default) without caching: for tests and tools. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}\nFix these environment variables and start again.`);
  }
  const raw = result.data;
  let jobs: JobMode;
  try {
    jobs = jobMode(source);
  } catch (err) {
    throw new EnvError(`Invalid configuration:\n  - INNGEST_SIGNING_KEY: ${(err as Error).message}`);
  }
  return {
    ...raw,
    dataDir: path.resolve(raw.PLUMB_DATA_DIR),
    database: raw.DATABASE_URL ? "postgres" : "embedded",
    jobs,
    demoSeed: raw.PLUMB_DEMO_SEED ?? !raw.DATABASE_URL,
  };
}

const cache = globalThis as unknown as { __plumbEnv?: Env };

/** The process's configuration, validated once and cached. Throws EnvError with every problem listed. */
export function env(): Env {
  cache.__plumbEnv ??= parseEnv();
  return cache.__plumbEnv;
}

/** Forget the cached env (tests that change process.env). */
export function resetEnv(): void {
  cache.__plumbEnv = undefined;
}

