// A real scan (discover -> gather in Chromium -> checks -> dedupe), exactly scanSite's pipeline, that also
// hands back the artifacts so a test can tell "the check passed" from "gather did not collect the fact".
import { discoverSite, evaluateArtifacts, gatherArtifacts } from "@/lib/scanner";
import type { Artifacts, Finding, Pillar, ScanResult } from "@/lib/scanner/types";

export interface RealScan {
  artifacts: Artifacts;
  pages: ScanResult["pages"];
  findings: Finding[];
  checks: ScanResult["checks"];
}

export async function realScan(url: string, opts: { maxPages: number; pillars: Pillar[] }): Promise<RealScan> {
  // The fixture's metric pages are calibrated for a desktop window (which element is the LCP depends on the
  // viewport: at 412 px the hero of /slow-lcp is no longer the largest, and /slow-fcp's late image becomes it).
  const scanOpts = { url, allowPrivate: true, maxPages: opts.maxPages, pillars: opts.pillars, devices: ["desktop" as const] };
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
