// What a scan of several devices reports beyond a one-device scan: the devices, each device's performance
// pillar score and each page's load per device (lib/scanner/device-checks.ts explains the passes). Pure.
import { normalizeDevices, type DeviceName } from "./devices";
import { pagePerformanceScore, sitePerformanceScore } from "./perf-score";
import type { Artifacts, PageArtifacts, ScanResult, ScanResultPage, ScanResultPageDevice } from "./types";

/** The devices the artifacts were gathered as, primary first ([] for artifacts without emulation). */
export function artifactDevices(artifacts: Artifacts): DeviceName[] {
  const primary = artifacts.pages.find((p) => p.device)?.device?.name;
  if (!primary) return [];
  return [primary, ...(artifacts.devicePages ?? []).map((d) => d.device).filter((d) => d !== primary)];
}

function deviceEntry(device: DeviceName, p: PageArtifacts | undefined): ScanResultPageDevice {
  if (!p) return { device, status: null, error: "not loaded on this device" };
  const entry: ScanResultPageDevice = { device, status: p.status };
  if (p.status === null) {
    if (p.errors[0]) entry.error = p.errors[0];
    return entry;
  }
  const m = p.performance;
  entry.metrics = { ttfb: m.ttfb, fcp: m.fcp, lcp: m.lcp, cls: m.cls, tbt: m.tbt, load: m.load, bytes: m.totalBytes, requests: m.requestCount };
  const score = pagePerformanceScore(p);
  if (score !== null) entry.performance_score = score;
  return entry;
}

/** Adds `devices` (each device's load) to the page entries of a scan of several devices. */
export function withDeviceEntries(pages: ScanResultPage[], artifacts: Artifacts): ScanResultPage[] {
  const devices = artifactDevices(artifacts);
  if (devices.length < 2) return pages;
  const byDevice = new Map<DeviceName, Map<string, PageArtifacts>>();
  byDevice.set(devices[0], new Map(artifacts.pages.map((p) => [p.url, p])));
  for (const d of artifacts.devicePages ?? []) byDevice.set(d.device, new Map(d.pages.map((p) => [p.url, p])));
  return pages.map((entry) => ({ ...entry, devices: devices.map((d) => deviceEntry(d, byDevice.get(d)?.get(entry.url))) }));
}

/** `devices` and, with more than one, `device_scores` (the performance pillar per device). */
export function deviceSummary(artifacts: Artifacts, wantsPerformance: boolean): Pick<ScanResult, "devices" | "device_scores"> {
  const devices = artifactDevices(artifacts);
  if (devices.length === 0) return {};
  if (devices.length < 2 || !wantsPerformance) return { devices: normalizeDevices(devices) };
  const scores: Partial<Record<DeviceName, number>> = {};
  const primary = sitePerformanceScore(artifacts.pages);
  if (primary !== null) scores[devices[0]] = primary;
  for (const d of artifacts.devicePages ?? []) {
    const s = sitePerformanceScore(d.pages);
    if (s !== null) scores[d.device] = s;
  }
  return { devices: normalizeDevices(devices), device_scores: scores };
}
