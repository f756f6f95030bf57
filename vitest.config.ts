import path from "node:path";
import { defineConfig } from "vitest/config";

// The scanner engine never touches the database (docs/architecture.md, "Layers"), so the PostgreSQL pass of CI skips its
// browser-heavy suites: they already ran in the PGlite pass and would only repeat themselves.
const databaseFree = ["lib/scanner/**", "lib/net/**", "test/scanner/**", "test/scanner-checks/**"];
const onPostgres = process.env.PLUMB_TEST_DB === "postgres";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "inngest/**/*.test.ts", "test/**/*.test.ts", "bin/**/*.test.ts"],
    exclude: ["node_modules", "e2e/**", ".next/**", ...(onPostgres ? databaseFree : [])],
    pool: "forks",
    setupFiles: ["test/support/test-secrets.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
