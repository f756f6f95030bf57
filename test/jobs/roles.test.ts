// PLUMB_ROLE on the embedded database: a web-only process there would leave every job unrun, so it refuses
// to start with a message naming the fix. (The two-process web + worker test is roles.pg.test.ts.)
import { afterAll, beforeAll, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { EnvError, resetEnv } from "@/lib/env";
import { startJobEngine, stopJobEngine } from "@/lib/jobs";
import { createTestDatabase, testEngine } from "@/test/support/db";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(async () => {
  delete process.env.PLUMB_ROLE;
  resetEnv();
  await stopJobEngine();
  setDatabase(undefined);
  await db.close();
});

it.skipIf(testEngine() !== "pglite")("PLUMB_ROLE=web on the embedded database refuses to start", async () => {
  process.env.PLUMB_ROLE = "web";
  resetEnv();
  const err = await startJobEngine().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(EnvError);
  expect((err as Error).message).toMatch(/PLUMB_ROLE=web needs a database shared.*DATABASE_URL/s);
});
