import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Playwright's own browser download does not work here: use the system Chromium (CHROME_PATH, the usual
// Debian paths, or whatever `chromium` is on PATH).
function chromiumPath(): string | undefined {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

// A free port, chosen once: the config is evaluated again in every worker, which inherit this variable.
function freePort(): string {
  return execFileSync(
    process.execPath,
    ["-e", "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"],
    { encoding: "utf8" },
  );
}

// PLUMB_E2E_BASE_URL points the specs at an already running server instead of starting one.
const external = process.env.PLUMB_E2E_BASE_URL;
process.env.PLUMB_E2E_PORT ??= freePort();
const baseURL = external ?? `http://127.0.0.1:${process.env.PLUMB_E2E_PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  // One server with one embedded database, on a shared 2-core machine: run the specs one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: external
    ? undefined
    : {
        command: "node --import tsx scripts/e2e-server.ts",
        // The landing page is static: it answers as soon as the server listens (the database opens at boot or on first use).
        url: `${baseURL}/`,
        // Private targets allowed: the dashboard e2e scans a fixture site it serves on loopback.
        env: { PORT: process.env.PLUMB_E2E_PORT, PLUMB_ALLOW_PRIVATE_TARGETS: "1" },
        // A cold `next build` on a busy 2-core machine takes a few minutes.
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      },
});
