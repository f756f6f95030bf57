// A real scan (discover -> gather in Chromium -> checks -> dedupe), exactly scanSite's pipeline, that also
// hands back the artifacts so a test can tell "the check passed" from "gather did not collect the fact".
import { discoverSite, evaluateArtifacts, gatherArtifacts } from "@/lib/scanner";
import type { DeviceName } from "@/lib/scanner/devices";
import type { Artifacts, Finding, Pillar, ScanResult } from "@/lib/scanner/types";

export interface RealScan {
  artifacts: Artifacts;
  pages: ScanResult["pages"];
  findings: Finding[];
  checks: ScanResult["checks"];
}

/** Scans with the default device (mobile) unless `devices` says otherwise. */
export async function realScan(url: string, opts: { maxPages: number; pillars: Pillar[]; devices?: DeviceName[] }): Promise<RealScan> {
  const scanOpts = { url, allowPrivate: true, maxPages: opts.maxPages, pillars: opts.pillars, ...(opts.devices ? { devices: opts.devices } : {}) };
  const discovery = await discoverSite(scanOpts);
  const { artifacts } = await gatherArtifacts(scanOpts, discovery.urls, discovery);
  const evaluated = evaluateArtifacts(artifacts, { target: discovery.startUrl, pillars: opts.pillars });
  return {
    artifacts,
    pages: artifacts.pages.map((p) => ({ url: p.url, status: p.status })),
    findings: evaluated.findings,
    checks: evaluated.checks,
  };
}
