// The scanner's entry points. Framework-free: usable from the CLI, a background job or a test.
//
//   scanSite(opts)               discover + gather + check + score, one call
//   discoverPages(opts)          crawl step only: the URLs a scan would visit (no browser)
//   scanPages(opts, urls)        gather + check + score for a given list of URLs (one browser, parallel tabs)
//   gatherArtifacts(opts, urls)  the raw artifacts (for saving fixtures / debugging checks)
//   evaluateArtifacts(...)       checks + dedupe + scores over artifacts (pure, no browser)
//   checkGatheredPages(...)      site probes + checks + scores over pages gathered earlier (a scan in batches)
import { setMaxListeners } from "node:events";
import os from "node:os";
import { startGuardProxy } from "../net/guard-proxy";
import { checksFor } from "./checks";
import { LoginError, cookieHeaderFor, performLogin } from "./auth/login";
import { ScanError, discover, parseTarget, type Discovery } from "./crawl/discover";
import { dedupe } from "./dedupe";
import { launchBrowser } from "./gather/browser";
import { Mutex, failedPage, gatherPage } from "./gather/page";
import { mapLimit } from "./gather/probe";
import { gatherSite } from "./gather/site";
import { CONSENT_VARIANT_TIMEOUT_MS, gatherConsent } from "./gather/consent";
import { consentReport } from "./consent-report";
import { TabPool } from "./gather/tabs";
import { robotsFromSite } from "./checks/seo/robots-blocked";
import type { Robots } from "./crawl/robots";
import { runChecks } from "./run-checks";
import { runDeviceChecks } from "./device-checks";
import { DEVICE_PROFILES, normalizeDevices } from "./devices";
import { gatherDevicePasses } from "./gather/device-passes";
import { deviceSummary, withDeviceEntries } from "./device-results";
import { buildThirdPartyInventory } from "./third-parties/inventory";
import { overallGrade, overallScore, pillarScores, securityGrade, securityTests } from "./scores";
import { pagePerformanceScore, sitePerformanceScore } from "./perf-score";
import type { Artifacts, CheckDefinition, PageArtifacts, Pillar, ScanOptions, ScanProgress, ScanResult, SessionCookieParam, SiteArtifacts } from "./types";
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
  const rounds = Math.ceil(pages / conc);
  // The consent loads (two per page at most, each capped by CONSENT_VARIANT_TIMEOUT_MS) come on top.
  const consent = opts.consent ? rounds * 2 * CONSENT_VARIANT_TIMEOUT_MS : 0;
  return opts.timeoutMs ?? Math.min(15 * 60_000 + consent, 60_000 + rounds * (opts.pageTimeoutMs ?? DEFAULTS.pageTimeoutMs) + consent);
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

const isSignedIn = (opts: ScanOptions) => Boolean(opts.login || opts.sessionCookies?.length || opts.cookies?.length || Object.keys(opts.headers ?? {}).length);

/** The login URL must be on the scanned site: the script types a password into it. */
function assertLoginOnSite(opts: ScanOptions): void {
  if (!opts.login) return;
  let loginHost: string;
  try {
    loginHost = new URL(opts.login.url).host;
  } catch {
    throw new ScanError(`Login URL is not a URL: ${opts.login.url}`, "invalid_url");
  }
  const host = new URL(parseTarget(opts.url)).host;
  if (loginHost !== host) throw new ScanError(`The login page must be on ${host} (got ${loginHost})`, "invalid_url");
}

async function loginIn(browser: Parameters<typeof performLogin>[0], opts: ScanOptions): Promise<SessionCookieParam[]> {
  try {
    return await performLogin(browser, opts.login!, { headers: opts.headers });
  } catch (err) {
    if (err instanceof LoginError) throw new ScanError(`Sign-in failed: ${err.message}`, "login");
    throw new ScanError(`Sign-in failed: ${(err as Error).message}`, "login");
  }
}

/**
 * Runs the scan's login script once, in a browser of its own (behind the SSRF guard in server mode), and
 * returns the session cookies. Without a script: the cookies already given, if any.
 */
export async function signIn(opts: ScanOptions): Promise<SessionCookieParam[]> {
  if (!opts.login) return opts.sessionCookies ?? [];
  assertLoginOnSite(opts);
  const guard = opts.allowPrivate ? undefined : await startGuardProxy({ allowedPrivateOrigins: opts.allowedPrivateOrigins });
  let launched;
  try {
    launched = await launchBrowser({ chromePath: opts.chromePath, registry: opts.browserRegistry, extraArgs: [...(guard?.chromeArgs ?? []), ...(opts.chromeArgs ?? [])] });
  } catch (err) {
    await guard?.close();
    throw new ScanError((err as Error).message, "browser");
  }
  try {
    return await loginIn(launched.browser, opts);
  } finally {
    await launched.close();
    await guard?.close();
  }
}

/** Headers for the crawl's plain HTTP fetches of the site: the extra headers plus the session as a Cookie header. */
function crawlHeaders(opts: ScanOptions, sessionCookies: readonly SessionCookieParam[]): Record<string, string> {
  const out: Record<string, string> = { ...opts.headers };
  const cookie = cookieHeaderFor(parseTarget(opts.url), sessionCookies, opts.cookies ?? []);
  if (cookie) out.cookie = cookie;
  return out;
}

export async function discoverPages(opts: ScanOptions): Promise<string[]> {
  return (await discoverSite(opts)).urls;
}

/** discoverPages with everything it learned (robots, sitemaps, skipped URLs), reusable by scanPages. */
export async function discoverSite(opts: ScanOptions): Promise<Discovery> {
  opts.onProgress?.({ phase: "crawl", pagesDone: 0, pagesTotal: opts.maxPages ?? DEFAULTS.maxPages });
  const sessionCookies = opts.sessionCookies ?? (opts.login ? await signIn(opts) : []);
  return discover({
    requestHeaders: crawlHeaders(opts, sessionCookies),
    skipLogout: isSignedIn(opts),
    url: opts.url,
    maxPages: opts.maxPages ?? DEFAULTS.maxPages,
    allowPrivate: opts.allowPrivate,
    allowedPrivateOrigins: opts.allowedPrivateOrigins,
    signal: opts.signal,
    respectRobots: opts.respectRobots,
    include: opts.include,
    exclude: opts.exclude,
    maxDepth: opts.maxDepth,
  });
}

export interface GatherOutput {
  artifacts: Artifacts;
  timings: Record<string, number>;
}

/** Site artifacts with nothing probed: for callers that skip the site probes (a re-check of a page rule). */
export function unprobedSite(origin: string): SiteArtifacts {
  return { origin, robotsTxt: null, sitemaps: [], securityTxt: null, gitConfig: null, envFile: null, gpcJson: null, sourceMaps: [], linkStatus: {}, sitemapUrlStatus: {}, corsProbe: null };
}

export async function gatherArtifacts(
  opts: ScanOptions,
  urls: string[],
  discovery?: Discovery,
  /**
   * siteProbes: false skips robots.txt, sitemaps, link checks and the other site probes (site = unprobedSite).
   * allowNoneLoaded: return the failed pages instead of throwing when none loaded (one batch of a longer scan:
   * whether the scan as a whole reached the site is decided over all its batches, by checkGatheredPages).
   */
  what: { siteProbes?: boolean; allowNoneLoaded?: boolean } = {},
): Promise<GatherOutput> {
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
    const guard = allowPrivate ? undefined : await startGuardProxy({ allowedPrivateOrigins: opts.allowedPrivateOrigins });
    let launched;
    try {
      launched = await launchBrowser({ chromePath: opts.chromePath, registry: opts.browserRegistry, extraArgs: [...(guard?.chromeArgs ?? []), ...(opts.chromeArgs ?? [])] });
    } catch (err) {
      await guard?.close();
      throw new ScanError((err as Error).message, "browser");
    }
    timings.launchMs = Date.now() - t;
    let pages: PageArtifacts[];
    let devicePages: Artifacts["devicePages"];
    try {
      t = Date.now();
      const navigationLock = new Mutex();
      const tabs = new TabPool(launched.browser);
      let started = 0;
      // The two costly in-page steps feed one pillar each; a scan that did not ask for it skips them.
      const wants = (p: Pillar) => !opts.pillars || opts.pillars.includes(p);
      const origin = discovery?.origin ?? new URL(urls[0]).origin;
      // Signed-in scans: sign in once in this browser unless the caller already did (scanSite does).
      if (opts.login && !opts.sessionCookies) assertLoginOnSite(opts);
      const sessionCookies = opts.sessionCookies ?? (opts.login ? await loginIn(launched.browser, opts) : undefined);
      const extraHeaders = opts.headers && Object.keys(opts.headers).length ? { origin, headers: opts.headers } : undefined;
      const devices = normalizeDevices(opts.devices);
      const steps = { axe: wants("accessibility"), typingProbe: wants("privacy"), cookies: opts.cookies, sessionCookies, extraHeaders, device: DEVICE_PROFILES[devices[0]] };
      pages = await mapLimit(urls, Math.max(1, opts.concurrency ?? DEFAULTS.concurrency), async (url) => {
        if (signal.aborted) return failedPage(url, timedOut() ? "scan time limit reached before this page" : "scan cancelled");
        opts.onProgress?.({ phase: "gather", pagesDone, pagesTotal, url, event: "start" });
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
        if (opts.onProgress) opts.onProgress({ phase: "gather", pagesDone, pagesTotal, url, event: "end", pageFindings: previewPageFindings(page, opts.pillars) });
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
      if (devices.length > 1 && !signal.aborted) {
        t = Date.now();
        devicePages = await gatherDevicePasses(launched.browser, pages, devices.slice(1), {
          allowPrivate, pageTimeoutMs: opts.pageTimeoutMs ?? DEFAULTS.pageTimeoutMs, signal, navigationLock, guard,
          cookies: steps.cookies, sessionCookies: steps.sessionCookies, extraHeaders: steps.extraHeaders,
          concurrency: Math.max(1, opts.concurrency ?? DEFAULTS.concurrency),
        });
        timings.deviceGatherMs = Date.now() - t;
      }
      // Consent variants after every main load, so they never compete with a page's measured load.
      if (opts.consent) {
        t = Date.now();
        const loadedIdx = pages.flatMap((p, i) => (p.status !== null ? [i] : []));
        await mapLimit(loadedIdx, Math.max(1, opts.concurrency ?? DEFAULTS.concurrency), async (i) => {
          if (signal.aborted) return;
          pages[i].consent = await gatherConsent(launched.browser, pages[i].finalUrl, { allowPrivate, guard, signal, cookies: opts.cookies, sessionCookies, extraHeaders });
        });
        timings.consentMs = Date.now() - t;
      }
    } finally {
      await launched.close();
      await guard?.close();
    }
    if (signal.aborted && !timedOut()) throw new ScanError("Scan cancelled", "aborted");
    const loaded = pages.filter((p) => p.status !== null);
    if (loaded.length === 0 && what.allowNoneLoaded && what.siteProbes === false) {
      return { artifacts: { site: unprobedSite(discovery?.origin ?? new URL(urls[0]).origin), pages }, timings };
    }
    if (loaded.length === 0) throw noPageLoaded(pages, timedOut());
    const origin = discovery?.origin ?? new URL(loaded[0].finalUrl).origin;
    const extra = devicePages?.length ? { devicePages } : {};
    if (what.siteProbes === false) return { artifacts: { site: unprobedSite(origin), pages, ...extra }, timings };
    t = Date.now();
    const site = await gatherSite(origin, loaded, {
      allowPrivate,
      allowedPrivateOrigins: opts.allowedPrivateOrigins,
      signal: opts.signal,
      robotsTxt: discovery?.robotsTxt,
      sitemaps: discovery?.sitemaps,
      skipLogout: isSignedIn(opts),
    });
    timings.siteProbesMs = Date.now() - t;
    return { artifacts: { site, pages, ...extra }, timings };
  } finally {
    dispose();
  }
}

function noPageLoaded(pages: PageArtifacts[], timedOut: boolean): ScanError {
  if (timedOut) return new ScanError(`Scan time limit reached before any page loaded: ${pages[0]?.errors[0] ?? ""}`, "timeout");
  return new ScanError(`No page could be loaded: ${pages[0]?.errors[0] ?? "unknown error"}`, "unreachable");
}

export interface EvaluateOptions {
  target: string;
  pillars?: Pillar[];
  checkTimeoutMs?: number;
  checks?: CheckDefinition[]; // defaults to the registry
  signal?: AbortSignal;
}

type Evaluated = Pick<ScanResult, "findings" | "scores" | "score" | "grade" | "security_grade" | "security_tests" | "checks">;

export function evaluateArtifacts(artifacts: Artifacts, opts: EvaluateOptions): Evaluated {
  const pillars = opts.pillars?.length ? opts.pillars : [...PILLARS];
  const defs = (opts.checks ?? checksFor(pillars)).filter((c) => pillars.includes(c.pillar));
  const { results, outcomes } = runDeviceChecks(artifacts, defs, { checkTimeoutMs: opts.checkTimeoutMs ?? DEFAULTS.checkTimeoutMs, signal: opts.signal });
  const findings = dedupe(results, opts.target);
  const scores = pillarScores(outcomes, pillars);
  // Performance is scored from the measured metrics on Lighthouse's curves (lib/scanner/perf-score.ts), not
  // from the pass rate of its checks: a 6 MB page passing most checks must not score 87.
  if (pillars.includes("performance") && !opts.checks) {
    const perf = sitePerformanceScore(artifacts.pages);
    if (perf !== null) scores.performance = perf;
  }
  const score = overallScore(scores);
  const out: Evaluated = {
    findings,
    scores,
    score,
    grade: overallGrade(score, findings),
    checks: outcomes,
  };
  if (pillars.includes("security")) {
    const table = securityTests(outcomes, findings, new Map(defs.map((d) => [d.rule, d.title])));
    out.security_grade = table.grade;
    out.security_tests = table;
  }
  return out;
}

/**
 * The page-level checks of the wanted pillars over one page, for live progress while the other pages load.
 * Pure and cheap (milliseconds); never throws (a failing check just contributes nothing).
 */
export function previewPageFindings(page: PageArtifacts, pillars?: Pillar[]): NonNullable<ScanProgress["pageFindings"]> {
  if (page.status === null) return [];
  const wanted = pillars?.length ? pillars : [...PILLARS];
  const defs = checksFor(wanted).filter((c) => c.scope === "page" && wanted.includes(c.pillar));
  const site: SiteArtifacts = {
    origin: (() => { try { return new URL(page.finalUrl || page.url).origin; } catch { return ""; } })(),
    robotsTxt: null, sitemaps: [], securityTxt: null, gitConfig: null, envFile: null, gpcJson: null, sourceMaps: [],
    linkStatus: {}, sitemapUrlStatus: {}, corsProbe: null,
  };
  try {
    const { results } = runChecks({ site, pages: [page] }, defs, { checkTimeoutMs: 1_000 });
    const seen = new Set<string>();
    const out: NonNullable<ScanProgress["pageFindings"]> = [];
    for (const r of results) {
      const key = `${r.rule}\u0000${r.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ pillar: r.pillar, rule: r.rule, severity: r.severity, title: r.title });
    }
    return out;
  } catch {
    return [];
  }
}

/** What a scan reports about one page: outcome, title, lab metrics, its performance score, robots.txt status. */
export function pageEntry(p: PageArtifacts, robots?: Robots | null): ScanResult["pages"][number] {
  const entry: ScanResult["pages"][number] = { url: p.url, status: p.status };
  if (robots && !robots.isAllowed(p.url)) entry.robots_blocked = true;
  if (p.status === null && p.errors[0]) entry.error = p.errors[0];
  if (p.status !== null) {
    if (p.dom.title) entry.title = p.dom.title.slice(0, 300);
    const m = p.performance;
    entry.metrics = { ttfb: m.ttfb, fcp: m.fcp, lcp: m.lcp, cls: m.cls, tbt: m.tbt, load: m.load, bytes: m.totalBytes, requests: m.requestCount };
    const score = pagePerformanceScore(p);
    if (score !== null) entry.performance_score = score;
  }
  return entry;
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
  return assembleResult(opts, artifacts, evaluated, { target, startedAt, timings });
}

/** The result of a scan from its artifacts and their evaluation: shared by scanPages and checkGatheredPages. */
function assembleResult(
  opts: ScanOptions,
  artifacts: Artifacts,
  evaluated: Evaluated,
  meta: { target: string; startedAt: Date; timings: Record<string, number> },
): ScanResult {
  const robots = robotsFromSite(artifacts.site, "Plumb");
  const consent = opts.consent ? consentReport(artifacts.pages, meta.timings.consentMs ?? 0) : undefined;
  return {
    target: meta.target,
    started_at: meta.startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    pages: withDeviceEntries(artifacts.pages.map((p) => pageEntry(p, robots)), artifacts),
    ...evaluated,
    ...deviceSummary(artifacts, !opts.pillars?.length || opts.pillars.includes("performance")),
    ...(consent ? { consent } : {}),
    third_parties: buildThirdPartyInventory(artifacts.pages),
    timings: meta.timings,
  };
}

/**
 * The second half of scanPages for pages gathered earlier, in batches (gatherArtifacts with siteProbes: false
 * per batch, possibly in other processes): the site probes over the loaded pages, then the checks and scores
 * over all of them, as one result. `urls` is the scan's page list in order (pages follow it; the first is the
 * target). Throws like scanPages when no page of the whole scan loaded.
 */
export async function checkGatheredPages(
  opts: ScanOptions,
  urls: string[],
  gathered: PageArtifacts[],
  timings: Record<string, number> = {},
  devicePages?: Artifacts["devicePages"],
): Promise<ScanResult> {
  const startedAt = new Date();
  const t0 = Date.now();
  const byUrl = new Map(gathered.map((p) => [p.url, p]));
  const pages = urls.map((u) => byUrl.get(u)).filter((p): p is PageArtifacts => p !== undefined);
  const loaded = pages.filter((p) => p.status !== null);
  if (loaded.length === 0) throw noPageLoaded(pages, pages.some((p) => /time limit/.test(p.errors.join(" "))));
  opts.onProgress?.({ phase: "check", pagesDone: pages.length, pagesTotal: urls.length });
  let t = Date.now();
  const site = await gatherSite(new URL(loaded[0].finalUrl).origin, loaded, {
    allowPrivate: opts.allowPrivate ?? false,
    allowedPrivateOrigins: opts.allowedPrivateOrigins,
    signal: opts.signal,
    skipLogout: isSignedIn(opts),
  });
  const out: Record<string, number> = { ...timings, siteProbesMs: Date.now() - t };
  t = Date.now();
  const target = urls[0];
  const artifacts: Artifacts = { site, pages, ...(devicePages?.length ? { devicePages } : {}) };
  const evaluated = evaluateArtifacts(artifacts, { target, pillars: opts.pillars, checkTimeoutMs: opts.checkTimeoutMs, signal: opts.signal });
  out.checksMs = Date.now() - t;
  out.totalMs = (timings.totalMs ?? 0) + Date.now() - t0;
  opts.onProgress?.({ phase: "done", pagesDone: pages.length, pagesTotal: urls.length, findingsSoFar: evaluated.findings.length });
  return assembleResult(opts, artifacts, evaluated, { target, startedAt, timings: out });
}

export async function scanSite(input: ScanOptions): Promise<ScanResult> {
  const startedAt = new Date();
  const t = Date.now();
  // One sign-in for the whole scan: the crawl and every page reuse its session.
  const opts: ScanOptions = input.login && !input.sessionCookies ? { ...input, sessionCookies: await signIn(input) } : input;
  const loginMs = Date.now() - t;
  const discovery = await discoverSite(opts);
  const discoverMs = Date.now() - t - loginMs;
  const result = await scanPages(opts, discovery.urls, discovery);
  if (discovery.skipped.length) result.skipped_pages = discovery.skipped.slice(0, 200);
  result.started_at = startedAt.toISOString();
  result.timings = { ...(input.login ? { loginMs } : {}), discoverMs, ...result.timings, totalMs: Date.now() - t };
  return result;
}
