import path from "node:path";
import { defineConfig } from "vitest/config";

// The scanner engine never touches the database (docs/architecture.md, "Layers"), so the PostgreSQL pass of CI skips its
// browser-heavy suites: they already ran in the PGlite pass and would only repeat themselves.
const databaseFree = ["lib/scanner/**", "lib/net/**", "test/scanner/**", "test/scanner-checks/**"];
const onPostgres = process.env.PLUMB_TEST_DB === "postgres";
// `npm test` runs two groups (scripts/test.mjs): "scanner", the suites above, one file at a time because they judge
// page-load timings (FCP, LCP, TBT) that a second busy process would distort; then "database", everything else,
// two files at a time, since those mostly wait on servers, jobs and the database. Unset: every suite.
const group = process.env.PLUMB_TEST_GROUP;
const workers = Number(process.env.PLUMB_TEST_WORKERS) || (group === "scanner" ? 1 : group === "database" ? 2 : undefined);

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: group === "scanner" ? databaseFree.map((g) => `${g}/*.test.ts`) : ["lib/**/*.test.ts", "inngest/**/*.test.ts", "test/**/*.test.ts", "bin/**/*.test.ts"],
    exclude: ["node_modules", "e2e/**", ".next/**", ...(onPostgres || group === "database" ? databaseFree : [])],
    ...(workers ? { maxWorkers: workers } : {}),
    pool: "forks",
    setupFiles: ["test/support/test-secrets.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
