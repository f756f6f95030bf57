// Which checks depend on the device a page is loaded as, and how a scan of several devices runs them. Pure.
//
// The primary device's loads (the first of the scan's devices: mobile whenever it is scanned) feed every check,
// as a one-device scan does. Each further device loads the pages again, and only the checks below run on those
// loads: what a page sends, sets and says does not depend on the screen, so security, cookies, trackers,
// privacy, axe and most SEO run once. Results of these checks carry the device they were seen on; one root
// cause seen on two devices is one finding tagged with both.
import type { DeviceName } from "./devices";
import { runChecks, type RunChecksOptions, type RunChecksOutput } from "./run-checks";
import type { Artifacts, CheckDefinition, CheckResult, PageArtifacts } from "./types";

/** Checks whose outcome depends on the screen, user agent or CPU of the load: run on every device's load. */
export const DEVICE_DEPENDENT_RULES: ReadonlySet<string> = new Set([
  // lab metrics of each load
  "perf-ttfb",
  "perf-fcp",
  "perf-lcp",
  "perf-cls",
  "perf-tbt",
  // responsive pages fetch other images and scripts per screen
  "perf-page-weight",
  "perf-bytes-by-type",
  "perf-request-count",
  // displayed size and pixel density differ
  "perf-oversized-images",
  // the device probe
  "seo-tap-targets",
  "seo-content-width",
]);

/**
 * Checks about mobile rendering that read the HTML (the same on every load): run once, on a mobile primary
 * load, tagged mobile; n/a when only desktop is scanned (a desktop browser ignores the viewport tag).
 */
export const MOBILE_ONLY_RULES: ReadonlySet<string> = new Set(["seo-viewport"]);

export const isDeviceTagged = (rule: string) => DEVICE_DEPENDENT_RULES.has(rule) || MOBILE_ONLY_RULES.has(rule);

function deviceOf(pages: PageArtifacts[]): { name: DeviceName; mobile: boolean } | null {
  const d = pages.find((p) => p.device)?.device;
  return d ? { name: d.name, mobile: d.mobile } : null;
}

function tag(results: CheckResult[], device: DeviceName | null): CheckResult[] {
  if (!device) return results;
  return results.map((r) => (isDeviceTagged(r.rule) ? { ...r, device } : r));
}

/** The mobile-only checks answer n/a on a desktop load (the definition is copied, never mutated). */
function forPrimary(defs: CheckDefinition[], primary: { mobile: boolean } | null): CheckDefinition[] {
  if (!primary || primary.mobile) return defs;
  return defs.map((d) => (MOBILE_ONLY_RULES.has(d.rule) ? { ...d, run: () => "n/a" as const } : d));
}

/**
 * runChecks over a scan of one or more devices: every check on the primary loads, the device-dependent ones on
 * each further device's loads. Outcomes (and so the pillar scores) are the primary device's.
 */
export function runDeviceChecks(artifacts: Artifacts, defs: CheckDefinition[], opts: RunChecksOptions = {}): RunChecksOutput {
  const primary = deviceOf(artifacts.pages);
  const main = runChecks(artifacts, forPrimary(defs, primary), opts);
  const results = tag(main.results, primary?.name ?? null);
  const deviceDefs = defs.filter((d) => DEVICE_DEPENDENT_RULES.has(d.rule));
  for (const extra of artifacts.devicePages ?? []) {
    if (deviceDefs.length === 0) break;
    const out = runChecks({ site: artifacts.site, pages: extra.pages }, deviceDefs, opts);
    results.push(...tag(out.results, extra.device));
  }
  return { results, outcomes: main.outcomes };
}
