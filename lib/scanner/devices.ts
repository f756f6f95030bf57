// The device profiles a scan can load its pages as. Pure data and parsing: the browser side (emulation,
// throttling, the in-page probe) is gather/devices.ts.
//
// The values follow Lighthouse's own form factors (its `screenEmulation` and user agents), so a page scores
// alike in both tools. Throttling: none by default, on either profile — the network is the scanner's real
// connection and the CPU its own (Lighthouse's "provided" method, which `npm run bench` compares against).
// Simulating a slow phone (Lighthouse's 4× CPU, slow 4G) would multiply every scan's duration and make the
// metrics depend on how busy the scanning machine is. `cpuSlowdown` slows the renderer from the navigation
// until the load is measured (then axe and the probes run at full speed); it is 1 in both shipped profiles.
import { z } from "zod";

export const DEVICES = ["mobile", "desktop"] as const;
export type DeviceName = (typeof DEVICES)[number];

/** The default, like Lighthouse: a scan that names no device loads its pages as a phone. */
export const DEFAULT_DEVICES: readonly DeviceName[] = ["mobile"];

export interface DeviceProfile {
  name: DeviceName;
  /** CSS pixels of the layout viewport */
  width: number;
  height: number;
  deviceScaleFactor: number;
  /** Chromium's mobile emulation: meta viewport honoured, overlay scrollbars, text autosizing */
  mobile: boolean;
  /** touch events and `maxTouchPoints` > 0 */
  touch: boolean;
  /** `{version}` is replaced by the scanning Chromium's own version */
  userAgent: string;
  /** User-Agent Client Hints that match the user agent */
  platform: string;
  platformVersion: string;
  model: string;
  /** renderer CPU slowdown while the page loads (1 = none) */
  cpuSlowdown: number;
}

export const DEVICE_PROFILES: Record<DeviceName, DeviceProfile> = {
  mobile: {
    name: "mobile",
    width: 412,
    height: 823,
    deviceScaleFactor: 1.75,
    mobile: true,
    touch: true,
    userAgent: "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{version} Mobile Safari/537.36",
    platform: "Android",
    platformVersion: "11.0",
    model: "moto g power (2022)",
    cpuSlowdown: 1,
  },
  desktop: {
    name: "desktop",
    width: 1350,
    height: 940,
    deviceScaleFactor: 1,
    mobile: false,
    touch: false,
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{version} Safari/537.36",
    platform: "macOS",
    platformVersion: "10.15.7",
    model: "",
    cpuSlowdown: 1,
  },
};

export const deviceSchema = z.enum(DEVICES);

/** A non-empty list of distinct devices (API bodies, domain settings). */
export const devicesSchema = z
  .array(deviceSchema)
  .min(1, "Name at least one device.")
  .max(DEVICES.length)
  .refine((list) => new Set(list).size === list.length, "List each device once.");

/**
 * Distinct devices in canonical order (mobile first), the default when none is given. The first one is the
 * scan's primary device: every device-independent check runs on its load, and its metrics are the page's.
 */
export function normalizeDevices(list: readonly DeviceName[] | null | undefined): DeviceName[] {
  if (!list || list.length === 0) return [...DEFAULT_DEVICES];
  return DEVICES.filter((d) => list.includes(d));
}

/** `mobile,desktop` (CLI) → the devices, or an error message naming the bad entry. */
export function parseDeviceList(text: string): { devices: DeviceName[] } | { error: string } {
  const parts = text.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (parts.length === 0) return { error: `--devices needs one or more of ${DEVICES.join(", ")}` };
  for (const p of parts) {
    if (!(DEVICES as readonly string[]).includes(p)) return { error: `Unknown device "${p}" (expected ${DEVICES.join(", ")})` };
  }
  return { devices: normalizeDevices(parts as DeviceName[]) };
}
