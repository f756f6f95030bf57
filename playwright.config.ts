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
// The fixture site the specs serve (e2e/support/fixture-site.ts) listens on this port, chosen here so that the
// server can allow exactly that origin through its SSRF guard instead of every private address.
process.env.PLUMB_E2E_FIXTURE_PORT ??= freePort();
// The local webhook receiver of the alerts spec (e2e/policies-alerts.spec.ts), the second allowed origin.
process.env.PLUMB_E2E_RECEIVER_PORT ??= freePort();
// The local GitHub, Cloudflare and Sentry of the integrations spec (e2e/integrations.spec.ts).
process.env.PLUMB_E2E_GITHUB_PORT ??= freePort();
process.env.PLUMB_E2E_CLOUDFLARE_PORT ??= freePort();
process.env.PLUMB_E2E_SENTRY_PORT ??= freePort();
const baseURL = external ?? `http://127.0.0.1:${process.env.PLUMB_E2E_PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  // One server with one embedded database, on a shared 2-core machine: run the specs one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One retry in CI: a spec that fails twice is a failure; one that passes on the retry is listed as flaky.
  retries: process.env.CI ? 1 : 0,
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
        // Exactly these private targets allowed: the fixture site the specs serve on loopback (and scan), the
        // alerts spec's webhook receiver, and the integrations spec's local GitHub, Cloudflare and Sentry.
        env: {
          PORT: process.env.PLUMB_E2E_PORT,
          PLUMB_ALLOW_PRIVATE_TARGETS: "0",
          PLUMB_PRIVATE_TARGET_ALLOWLIST: [
            process.env.PLUMB_E2E_FIXTURE_PORT,
            process.env.PLUMB_E2E_RECEIVER_PORT,
            process.env.PLUMB_E2E_GITHUB_PORT,
            process.env.PLUMB_E2E_CLOUDFLARE_PORT,
            process.env.PLUMB_E2E_SENTRY_PORT,
          ]
            .map((p) => `127.0.0.1:${p}`)
            .join(","),
        },
        // A cold `next build` on a busy 2-core machine takes a few minutes.
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      },
});
