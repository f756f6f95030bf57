import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "inngest/**/*.test.ts", "test/**/*.test.ts", "bin/**/*.test.ts"],
    exclude: ["node_modules", "e2e/**", ".next/**"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
