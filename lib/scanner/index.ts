// The scanner's entry points. Framework-free: usable from the CLI, a background job or a test.
//
//   scanSite(opts)               discover + gather + check + score, one call
//   discoverPages(opts)          crawl step only: the URLs a scan would visit (no browser)
//   scanPages(opts, urls)        gather + check + score for a given list of URLs (one browser, parallel tabs)
//   gatherArtifacts(opts, urls)  the raw artifacts (for saving fixtures / debugging checks)
//   evaluateArtifacts(...)       checks + dedupe + scores over artifacts (pure, no browser)
import { setMaxListeners } from "node:events";
import os from "node:os";
import { startGuardProxy } from "../net/guard-proxy";
import { checksFor } from "./checks";
import { ScanError, discover, type Discovery } from "./crawl/discover";
import { dedupe } from "./dedupe";
import { launchBrowser } from "./gather/browser";
import { Mutex, failedPage, gatherPage } from "./gather/page";
import { mapLimit } from "./gather/probe";
import { gatherSite } from "./gather/site";
import { TabPool } from "./gather/tabs";
import { runChecks } from "./run-checks";
import { overallGrade, overallScore, pillarScores, securityGrade } from "./scores";
import type { Artifacts, CheckDefinition, PageArtifacts, Pillar, ScanOptions, ScanResult } from "./types";
import { PILLARS } from "./types";

export { ScanError } from "./crawl/discover";
export type { Discovery } from "./crawl/discover";
export * from "./types";

// More tabs than cores only adds contention (and noisier paint metrics).
const DEFAULTS = { maxPages: 10, concurrency: Math.max(1, Math.min(4, os.availableParallelism())), pageTimeoutMs: 30_000, checkTimeoutMs: 5_000 };

function scanTimeout(opts: ScanOptions): number {
  // Long enough for every page in sequence batches plus probes, never unbounded.
  const pages = opts.maxPages ?? DEFAULTS.maxPages;
  const conc = opts.concurrency ?? DEFAULTS.concurrency;
  return opts.timeoutMs ?? Math.min(15 * 60_000, 60_000 + Math.ceil(pages / conc) * (opts.pageTimeoutMs ?? DEFAULTS.pageTimeoutMs));
}

/** One signal that fires on the caller's abort or at the scan deadline. */
function scanSignal(opts: ScanOptions, ms: number): { signal: AbortSignal; timedOut: () => boolean; dispose: () => void } {
  const controller = new AbortController();
  // Every page, probe and fetch of the scan listens on this one signal (each removes its listener when it
  // ends); dozens at once is the design, not a leak, so Node's default warning threshold of 10 is lifted.
  setMaxListeners(200, controller.signal);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new ScanError(`Scan time limit (${ms} ms) reached`, "timeout"));
  }, ms);
  const onAbort = () => controller.abort(new ScanError("Scan cancelled", "aborted"));
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
    },
  };
}

export async function discoverPages(opts: ScanOptions): Promise<string[]> {
  return (await discoverSite(opts)).urls;
}

/** discoverPages with everything it learned (robots, sitemaps, skipped URLs), reusable by scanPages. */
export async function discoverSite(opts: ScanOptions): Promise<Discovery> {
  opts.onProgress?.({ phase: "crawl", pagesDone: 0, pagesTotal: opts.maxPages ?? DEFAULTS.maxPages });
  return discover({ url: opts.url, maxPages: opts.maxPages ?? DEFAULTS.maxPages, allowPrivate: opts.allowPrivate, signal: opts.signal });
}

export interface GatherOutput {
  artifacts: Artifacts;
  timings: Record<string, number>;
}

export async function gatherArtifacts(opts: ScanOptions, urls: string[], discovery?: Discovery): Promise<GatherOutput> {
  if (urls.length === 0) throw new ScanError("No pages to scan", "invalid_url");
  const allowPrivate = opts.allowPrivate ?? false;
  const timings: Record<string, number> = {};
  const { signal, timedOut, dispose } = scanSignal(opts, scanTimeout(opts));
  const pagesTotal = urls.length;
  let pagesDone = 0;
  try {
    opts.onProgress?.({ phase: "launch", pagesDone, pagesTotal });
    let t = Date.now();
    // Server mode: the browser reaches the network only through the SSRF proxy.
    const guard = allowPrivate ? undefined : await startGuardProxy();
    let launched;
    try {
      launched = await launchBrowser({ chromePath: opts.chromePath, extraArgs: [...(guard?.chromeArgs ?? []), ...(opts.chromeArgs ?? [])] });
    } catch (err) {
      await guard?.close();
      throw new ScanError((err as Error).message, "browser");
    }
    timings.launchMs = Date.now() - t;
    let pages: PageArtifacts[];
    try {
      t = Date.now();
      const navigationLock = new Mutex();
      const tabs = new TabPool(launched.browser);
      let started = 0;
      // The two costly in-page steps feed one pillar each; a scan that did not ask for it skips them.
      const wants = (p: Pillar) => !opts.pillars || opts.pillars.includes(p);
      const steps = { axe: wants("accessibility"), typingProbe: wants("privacy") };
      pages = await mapLimit(urls, Math.max(1, opts.concurrency ?? DEFAULTS.concurrency), async (url) => {
        if (signal.aborted) return failedPage(url, timedOut() ? "scan time limit reached before this page" : "scan cancelled");
        opts.onProgress?.({ phase: "gather", pagesDone, pagesTotal, url });
        started++;
        const more = started < urls.length;
        const page = await gatherPage(launched.browser, url, {
          allowPrivate,
          pageTimeoutMs: opts.pageTimeoutMs ?? DEFAULTS.pageTimeoutMs,
          signal,
          navigationLock,
          guard,
          takeTab: () => tabs.take(more),
          ...steps,
        });
        pagesDone++;
        opts.onProgress?.({ phase: "gather", pagesDone, pagesTotal, url });
        return page;
      });
      await tabs.close();
      // A page that ran out of time under load gets one more chance, alone, if the scan still has time.
      for (let i = 0; i < pages.length; i++) {
        const p = pages[i];
        if (signal.aborted || p.status !== null || !/time limit|timed? ?out|Timeout/i.test(p.errors.join(" "))) continue;
        const retry = await gatherPage(launched.browser, urls[i], { allowPrivate, pageTimeoutMs: opts.pageTimeoutMs ?? DEFAULTS.pageTimeoutMs, signal, guard, ...steps });
        if (retry.status !== null) pages[i] = { ...retry, errors: [...retry.errors, `retried after: ${p.errors[0]}`] };
      }
      timings.gatherMs = Date.now() - t;
    } finally {
      await launched.close();
      await guard?.close();
    }
    if (signal.aborted && !timedOut()) throw new ScanError("Scan cancelled", "aborted");
    const loaded = pages.filter((p) => p.status !== null);
    if (loaded.length === 0) {
      if (timedOut()) throw new ScanError(`Scan time limit reached before any page loaded: ${pages[0]?.errors[0] ?? ""}`, "timeout");
      throw new ScanError(`No page could be loaded: ${pages[0]?.errors[0] ?? "unknown error"}`, "unreachable");
    }
    const origin = discovery?.origin ?? new URL(loaded[0].finalUrl).origin;
    t = Date.now();
    const site = await gatherSite(origin, loaded, {
      allowPrivate,
      signal: opts.signal,
      robotsTxt: discovery?.robotsTxt,
      sitemaps: discovery?.sitemaps,
    });
    timings.siteProbesMs = Date.now() - t;
    return { artifacts: { site, pages }, timings };
  } finally {
    dispose();
  }
}

export interface EvaluateOptions {
  target: string;
  pillars?: Pillar[];
  checkTimeoutMs?: number;
  checks?: CheckDefinition[]; // defaults to the registry
  signal?: AbortSignal;
}

export function evaluateArtifacts(artifacts: Artifacts, opts: EvaluateOptions): Pick<ScanResult, "findings" | "scores" | "score" | "grade" | "security_grade" | "checks"> {
  const pillars = opts.pillars?.length ? opts.pillars : [...PILLARS];
  const defs = (opts.checks ?? checksFor(pillars)).filter((c) => pillars.includes(c.pillar));
  const { results, outcomes } = runChecks(artifacts, defs, { checkTimeoutMs: opts.checkTimeoutMs ?? DEFAULTS.checkTimeoutMs, signal: opts.signal });
  const findings = dedupe(results, opts.target);
  const scores = pillarScores(outcomes, pillars);
  const score = overallScore(scores);
  const out: Pick<ScanResult, "findings" | "scores" | "score" | "grade" | "security_grade" | "checks"> = {
    findings,
    scores,
    score,
    grade: overallGrade(score, findings),
    checks: outcomes,
  };
  if (pillars.includes("security")) out.security_grade = securityGrade(findings);
  return out;
}

export async function scanPages(opts: ScanOptions, urls: string[], discovery?: Discovery): Promise<ScanResult> {
  const startedAt = new Date();
  const t0 = Date.now();
  const { artifacts, timings } = await gatherArtifacts(opts, urls, discovery);
  opts.onProgress?.({ phase: "check", pagesDone: artifacts.pages.length, pagesTotal: urls.length });
  const t = Date.now();
  const target = discovery?.startUrl ?? urls[0];
  const evaluated = evaluateArtifacts(artifacts, { target, pillars: opts.pillars, checkTimeoutMs: opts.checkTimeoutMs, signal: opts.signal });
  timings.checksMs = Date.now() - t;
  timings.totalMs = Date.now() - t0;
  opts.onProgress?.({ phase: "done", pagesDone: artifacts.pages.length, pagesTotal: urls.length, findingsSoFar: evaluated.findings.length });
  return {
    target,
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    pages: artifacts.pages.map((p) => {
      const entry: ScanResult["pages"][number] = { url: p.url, status: p.status };
      if (p.status === null && p.errors[0]) entry.error = p.errors[0];
      return entry;
    }),
    ...evaluated,
    timings,
  };
}

export async function scanSite(opts: ScanOptions): Promise<ScanResult> {
  const startedAt = new Date();
  const t = Date.now();
  const discovery = await discoverSite(opts);
  const discoverMs = Date.now() - t;
  const result = await scanPages(opts, discovery.urls, discovery);
  result.started_at = startedAt.toISOString();
  result.timings = { discoverMs, ...result.timings, totalMs: Date.now() - t };
  return result;
}
