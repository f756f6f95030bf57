// The further devices of a scan (lib/scanner/device-checks.ts): after the primary device's pass, each further
// device loads the pages that loaded, in the same browser, as a light load — navigation, metrics and the device
// probe, without axe, the typing probe or script bodies, which only device-independent checks read.
import type { Browser } from "puppeteer-core";
import { DEVICE_PROFILES, type DeviceName } from "../devices";
import type { PageArtifacts } from "../types";
import { failedPage, gatherPage, type GatherPageOptions } from "./page";
import { mapLimit } from "./probe";
import { TabPool } from "./tabs";

export interface DevicePassOptions extends Omit<GatherPageOptions, "device" | "axe" | "typingProbe" | "bodies" | "takeTab"> {
  concurrency: number;
}

export async function gatherDevicePasses(
  browser: Browser,
  primaryPages: PageArtifacts[],
  devices: readonly DeviceName[],
  opts: DevicePassOptions,
): Promise<{ device: DeviceName; pages: PageArtifacts[] }[]> {
  const urls = primaryPages.filter((p) => p.status !== null).map((p) => p.url);
  const { concurrency, ...pageOpts } = opts;
  const out: { device: DeviceName; pages: PageArtifacts[] }[] = [];
  for (const device of devices) {
    const tabs = new TabPool(browser);
    let started = 0;
    try {
      const pages = await mapLimit(urls, Math.max(1, concurrency), async (url) => {
        if (opts.signal?.aborted) return failedPage(url, "scan cancelled");
        started++;
        const more = started < urls.length;
        return gatherPage(browser, url, {
          ...pageOpts,
          device: DEVICE_PROFILES[device],
          axe: false,
          typingProbe: false,
          bodies: false,
          takeTab: () => tabs.take(more),
        });
      });
      out.push({ device, pages });
    } finally {
      await tabs.close();
    }
  }
  return out;
}
