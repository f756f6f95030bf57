// Finds and launches the system Chromium. The only place that knows about executables and flags.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import type { BrowserRegistry } from "./browser-registry";

export class BrowserNotFoundError extends Error {
  constructor() {
    super(
      "No Chromium/Chrome found. Set CHROME_PATH to a Chrome or Chromium executable, or install one " +
        "(Debian/Ubuntu: `apt-get install -y chromium`; macOS: install Google Chrome).",
    );
    this.name = "BrowserNotFoundError";
  }
}

const CANDIDATE_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];
const MAC_PATHS = [
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** CHROME_PATH, else chromium/google-chrome on PATH, else the usual macOS locations. */
export function findChrome(explicit?: string, env: Record<string, string | undefined> = process.env): string {
  for (const p of [explicit, env.CHROME_PATH]) {
    if (p) {
      if (!isExecutable(p)) throw new Error(`Chrome executable not found or not executable: ${p}`);
      return p;
    }
  }
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    for (const name of CANDIDATE_NAMES) {
      // A PATH lookup at run time, not a file of the project: keep it out of the build's file tracing.
      const full = path.join(/*turbopackIgnore: true*/ dir, name);
      if (isExecutable(full)) return full;
    }
  }
  for (const p of MAC_PATHS) if (isExecutable(p)) return p;
  throw new BrowserNotFoundError();
}

export const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-extensions",
  "--disable-dev-shm-usage",
  "--mute-audio",
  "--hide-scrollbars",
  // Background tabs must not be throttled: we load several pages in parallel tabs.
  "--disable-background-timer-throttling",
  "--disable-backgrounding-occluded-windows",
  "--disable-renderer-backgrounding",
];

export interface LaunchedBrowser {
  browser: Browser;
  userDataDir: string;
  close(): Promise<void>;
}

export async function launchBrowser(
  opts: { chromePath?: string; timeoutMs?: number; extraArgs?: string[]; registry?: BrowserRegistry } = {},
): Promise<LaunchedBrowser> {
  const executablePath = findChrome(opts.chromePath);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-chrome-"));
  // Recorded before the launch, so a kill at any moment leaves a trace the next start can reap.
  const entry = opts.registry?.register(userDataDir);
  const forget = () => {
    if (entry) opts.registry?.unregister(entry);
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      args: [...CHROME_FLAGS, "--window-size=1350,940", ...(opts.extraArgs ?? [])],
      defaultViewport: { width: 1350, height: 940 },
      timeout: opts.timeoutMs ?? 30_000,
      protocolTimeout: 60_000,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (err) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    forget();
    throw new Error(`Could not launch ${executablePath}: ${(err as Error).message}`);
  }
  const pid = browser.process()?.pid;
  if (entry && pid) opts.registry?.setPid(entry, pid);
  return {
    browser,
    userDataDir,
    close: async () => {
      await browser.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      forget();
    },
  };
}
