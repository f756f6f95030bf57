import path from "node:path";
import { env } from "@/lib/env";
import { fileBrowserRegistry, reapLeftoverBrowsers, type BrowserRegistry, type ReapReport } from "@/lib/scanner/gather/browser-registry";

/** Where this server records the Chromium processes its scans launch: PLUMB_DATA_DIR/browsers. */
export function browserRegistryDir(): string {
  return path.join(env().dataDir, "browsers");
}

export function scanBrowserRegistry(): BrowserRegistry {
  return fileBrowserRegistry(browserRegistryDir());
}

/** At start: kill the browsers (and delete the profiles) a previous, killed server left behind. */
export async function reapLeftoverScanBrowsers(): Promise<ReapReport> {
  return reapLeftoverBrowsers(browserRegistryDir());
}
