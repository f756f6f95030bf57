// One navigation per page fills every PageArtifacts field. Each page gets its own browser context, so
// cookies and storage of one page never leak into another (every page is a first visit, before consent).
import axeCore from "axe-core";
import type { Browser, BrowserContext, HTTPRequest, Page } from "puppeteer-core";
import { BLOCKED_HEADER, type GuardProxy } from "../../net/guard-proxy";
import { assertPublicHost, isPrivateAddress } from "../../net/ssrf";
import type {
  AxeArtifact,
  BehaviourProbes,
  CookieArtifact,
  DomFacts,
  PageArtifacts,
  PerformanceArtifact,
  ResourceType,
  SessionCookieParam,
  TlsArtifact,
} from "../types";
import { CAPTURE_COLLECT_SCRIPT, CAPTURE_INIT_SCRIPT, parseCaptureHooks } from "./inpage-capture";
import { AXE_RUN_SCRIPT, COLLECT_SCRIPT, FIND_TEXT_INPUT_SCRIPT, INIT_SCRIPT, SESSION_REPLAY_GLOBALS, axeInjection } from "./inpage";
import { NetworkRecorder } from "./network";
import { isThirdPartyCookieDomain } from "./party";
import { openTab, type Tab } from "./tabs";
import type { DeviceProfile } from "../devices";
import { emulateDevice, probeDevice, throttleLoad } from "./devices";

// WCAG A/AA plus axe's best-practice rules (lib/scanner/checks/accessibility/axe-rules.ts lists both kinds).
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

export interface GatherPageOptions {
  allowPrivate: boolean;
  pageTimeoutMs?: number; // default 30 s: the whole page, hard
  navigationTimeoutMs?: number; // default 15 s
  axe?: boolean; // default true
  typingProbe?: boolean; // default true
  signal?: AbortSignal;
  /**
   * Shared by the tabs of one scan: navigations (up to `load`) take turns, so paint metrics of one page are
   * not inflated by another page's load competing for the CPU. The other steps (axe, probes) still overlap.
   */
  navigationLock?: Mutex;
  /**
   * The SSRF proxy the browser was launched behind (server mode). When set, it is the guard; without it and
   * without allowPrivate, requests are checked by page-level interception (which cannot see worker traffic).
   */
  guard?: GuardProxy;
  /** where the page's fresh context + tab come from (a TabPool that pre-opens the next one); default: open one */
  takeTab?: () => Promise<Tab>;
  /** cookies for the page's own URL, set in its fresh context before navigating (signed-in scans) */
  cookies?: { name: string; value: string }[];
  /** the cookies a scripted sign-in left (with their domain, path and flags), set before navigating */
  sessionCookies?: SessionCookieParam[];
  /** extra request headers for requests to `origin` only (never third parties) */
  extraHeaders?: { origin: string; headers: Record<string, string> };
  /** load the page as this device (screen, user agent, touch, CPU slowdown); default: no emulation */
  device?: DeviceProfile;
  /** default true; false skips script/style bodies (a further device's load needs none) */
  bodies?: boolean;
}

/** A tiny FIFO mutex. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    await prev;
    return release;
  }
}

const CAPS = {
  headings: 100,
  links: 500,
  images: 200,
  scripts: 200,
  inlineScript: 20_000,
  text: 5_000,
  html: 500_000,
  replayGlobals: SESSION_REPLAY_GLOBALS,
};
const PROBE_TEXT = "plumbprobe42";
const BODY_CAP = 300_000;

export function emptyDom(): DomFacts {
  return {
    title: null, titleCount: 0, lang: null, metaDescription: null, metaRobots: null, metaViewport: null,
    metaReferrer: null, metaCsp: null, canonical: null, canonicalCount: 0, headings: [], h1Count: 0, links: [],
    forms: [], images: [], scripts: [], stylesheets: [], iframes: [], privacyLinks: [], consentBanner: null,
    textSample: "", htmlBytes: 0, html: "",
  };
}

export function emptyBehaviour(): BehaviourProbes {
  return { canvasReads: [], keyListeners: [], sessionReplayGlobals: [], fingerprintApis: [], gpcRead: false, exfiltrationAfterTyping: [] };
}

export function emptyPerformance(): PerformanceArtifact {
  return { ttfb: null, fcp: null, lcp: null, cls: null, tbt: null, domContentLoaded: null, load: null, longTasks: [], bytesByType: {}, totalBytes: 0, requestCount: 0 };
}

/** An artifact for a page that could not be loaded at all. */
export function failedPage(url: string, error: string): PageArtifacts {
  return {
    url, finalUrl: url, status: null, redirects: [], responseHeaders: {}, tls: null, requests: [], cookies: [],
    dom: emptyDom(), axe: null, performance: emptyPerformance(), behaviour: emptyBehaviour(), consoleErrors: [],
    errors: [error], timings: { navigationMs: 0, gatherMs: 0 },
  };
}

interface Collected {
  dom: DomFacts;
  perf: { ttfb: number | null; fcp: number | null; lcp: number | null; cls: number | null; domContentLoaded: number | null; load: number | null; longTasks: { start: number; duration: number }[] };
  cookieWrites: { name: string; script?: string }[];
  probes: Omit<BehaviourProbes, "exfiltrationAfterTyping">;
}

function parseCookieLine(line: string): { name: string; value: string; attrs: Record<string, string> } {
  const [pair, ...rest] = line.split(";");
  const eq = pair.indexOf("=");
  const attrs: Record<string, string> = {};
  for (const a of rest) {
    const i = a.indexOf("=");
    const k = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase();
    if (k) attrs[k] = i < 0 ? "" : a.slice(i + 1).trim();
  }
  return { name: (eq < 0 ? "" : pair.slice(0, eq)).trim(), value: (eq < 0 ? pair : pair.slice(eq + 1)).trim(), attrs };
}

function sameSiteOf(v: string | undefined): CookieArtifact["sameSite"] {
  const s = (v ?? "").toLowerCase();
  return s === "strict" ? "Strict" : s === "lax" ? "Lax" : s === "none" ? "None" : undefined;
}

function timeLeft(deadline: number): number {
  return deadline - Date.now();
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms)} ms`)), Math.max(0, ms));
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** SSRF guard for the browser: every request's host must resolve public; answers cached per host. */
/**
 * Request interception for two jobs: the SSRF check when no proxy guards the browser (`check`), and the
 * scan's extra headers, added only to requests for the scanned origin (`extra`).
 */
export function installRequestGuard(page: Page, errors: string[], opts: { check: boolean; extra: GatherPageOptions["extraHeaders"] | null }): void {
  const extra = opts.extra;
  const proceed = (req: HTTPRequest, url: URL) =>
    req.continue(extra && url.origin === extra.origin ? { headers: { ...req.headers(), ...extra.headers } } : undefined);
  const verdicts = new Map<string, Promise<string | null>>();
  const verdict = (host: string) => {
    let v = verdicts.get(host);
    if (!v) {
      v = assertPublicHost(host).then(
        () => null,
        (err: unknown) => (err instanceof Error ? err.message : String(err)),
      );
      verdicts.set(host, v);
    }
    return v;
  };
  page.on("request", (req: HTTPRequest) => {
    if (req.isInterceptResolutionHandled()) return;
    let url: URL;
    try {
      url = new URL(req.url());
    } catch {
      void req.abort("blockedbyclient").catch(() => undefined);
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:" && url.protocol !== "ws:" && url.protocol !== "wss:") {
      void req.continue().catch(() => undefined);
      return;
    }
    if (!opts.check) {
      void proceed(req, url).catch(() => undefined);
      return;
    }
    void verdict(url.hostname).then((problem) => {
      if (problem) {
        if (errors.length < 50) errors.push(`blocked request to ${url.host}: ${problem}`);
        return req.abort("blockedbyclient");
      }
      return proceed(req, url);
    }).catch(() => undefined);
  });
}

export async function gatherPage(browser: Browser, url: string, opts: GatherPageOptions): Promise<PageArtifacts> {
  const started = Date.now();
  const pageTimeoutMs = opts.pageTimeoutMs ?? 30_000;
  const deadline = started + pageTimeoutMs;
  let context: BrowserContext | null = null;
  const closeContext = async () => {
    const c = context;
    context = null;
    if (c) await c.close().catch(() => undefined);
  };
  const onAbort = () => void closeContext();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return await withTimeout(gatherInContext(), pageTimeoutMs + 2_000, "page gather").catch((err: unknown) =>
      failedPage(url, `page time limit: ${(err as Error).message}`),
    );
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
    await closeContext();
  }

  async function gatherInContext(): Promise<PageArtifacts> {
    const steps: Record<string, number> = {};
    let mark = Date.now();
    const step = (name: string) => {
      const now = Date.now();
      steps[name] = now - mark;
      mark = now;
    };
    const tab = opts.takeTab ? await opts.takeTab() : await openTab(browser);
    context = tab.context;
    const page = tab.page;
    const errors: string[] = [];
    const consoleErrors: string[] = [];
    let finalUrl = url;
    const cdp = await page.createCDPSession();
    if (opts.cookies?.length) {
      await cdp.send("Network.setCookies", { cookies: opts.cookies.map((c) => ({ name: c.name, value: c.value, url })) });
    }
    if (opts.sessionCookies?.length) await cdp.send("Network.setCookies", { cookies: opts.sessionCookies });
    const recorder = new NetworkRecorder(cdp, () => finalUrl, opts.allowPrivate || opts.guard ? null : isPrivateAddress);
    await recorder.start();
    await page.evaluateOnNewDocument(INIT_SCRIPT);
    await page.evaluateOnNewDocument(CAPTURE_INIT_SCRIPT);
    page.on("console", (m) => {
      if (m.type() === "error" && consoleErrors.length < 50) consoleErrors.push(m.text().slice(0, 500));
    });
    page.on("pageerror", (e) => {
      if (consoleErrors.length < 50) consoleErrors.push(String((e as Error).message ?? e).slice(0, 500));
    });
    page.on("dialog", (d) => void d.dismiss().catch(() => undefined));
    const check = !opts.allowPrivate && !opts.guard;
    const extra = opts.extraHeaders && Object.keys(opts.extraHeaders.headers).length ? opts.extraHeaders : null;
    if (check || extra) {
      await page.setRequestInterception(true);
      installRequestGuard(page, errors, { check, extra });
    }

    if (opts.device) await emulateDevice(page, cdp, opts.device);
    step("setup");
    // --- navigation ---
    let navStarted = Date.now();
    const navTimeout = Math.min(opts.navigationTimeoutMs ?? 15_000, Math.max(1_000, timeLeft(deadline) - 3_000));
    let navError: string | null = null;
    let release: (() => void) | null = null;
    if (opts.navigationLock) {
      const acquiring = opts.navigationLock.acquire();
      release = await withTimeout(acquiring, Math.max(0, Math.min(5_000, timeLeft(deadline) - navTimeout - 3_000)), "waiting for a navigation slot").catch(() => {
        // Gave up waiting: hand the slot straight back whenever it arrives.
        void acquiring.then((r) => r());
        return null;
      });
    }
    navStarted = Date.now();
    const unthrottle = opts.device ? await throttleLoad(cdp, opts.device) : null;
    try {
      await page.goto(url, { waitUntil: "load", timeout: navTimeout });
    } catch (err) {
      navError = (err as Error).message.split("\n")[0];
    } finally {
      release?.();
    }
    // A certificate problem is a finding, not the end of the scan: note it, then load the page anyway the way
    // a visitor clicking through the warning would, so every other check still runs.
    let certError: string | null = null;
    if (navError && /net::ERR_(CERT_[A-Z_]+|SSL_PINNED_KEY_NOT_IN_CERT_CHAIN|BAD_SSL_CLIENT_AUTH_CERT)/.test(navError)) {
      certError = navError.match(/net::ERR_[A-Z_]+/)![0];
      try {
        await cdp.send("Security.setIgnoreCertificateErrors", { ignore: true });
        recorder.reset();
        navError = null;
        await page.goto(url, { waitUntil: "load", timeout: Math.min(navTimeout, Math.max(1_000, timeLeft(deadline) - 8_000)) });
      } catch (err) {
        navError = (err as Error).message.split("\n")[0];
      }
    }
    const navigationMs = Date.now() - navStarted;
    step("navigation");
    const navEntries = recorder.navigationEntries();
    const last = navEntries.at(-1);
    const guard = opts.guard;
    const blockedByGuard = (u: string) => {
      let host = "";
      try {
        host = new URL(u).hostname.replace(/^\[|\]$/g, "").toLowerCase();
      } catch {
        return undefined;
      }
      return guard?.blocked.find((b) => b.host.toLowerCase() === host);
    };
    if (guard && (last?.responseHeaders[BLOCKED_HEADER] || (!last?.status && blockedByGuard(last?.url ?? url)))) {
      const b = blockedByGuard(last?.url ?? url);
      return failedPage(url, `blocked: ${b?.reason ?? "the target resolves to a private address"}`);
    }
    if (!last || last.status === null) {
      const tlsError = certError ?? (navError && /ERR_CERT|ERR_SSL/i.test(navError) ? navError.match(/net::ERR_[A-Z_]+/)?.[0] ?? navError : null);
      const fail = failedPage(url, navError ? `navigation failed: ${navError}` : "navigation produced no response");
      fail.errors.push(...errors);
      if (tlsError) fail.tls = { error: tlsError };
      fail.requests = recorder.toRequests();
      fail.timings = { navigationMs, gatherMs: Date.now() - started };
      return fail;
    }
    if (navError) errors.push(`navigation: ${navError} (gathered what had loaded)`);
    finalUrl = last.url;
    if (recorder.privateHits.some((h) => h.url === last.url)) {
      const fail = failedPage(url, `blocked: ${new URL(last.url).host} connected to a private address`);
      return fail;
    }

    // Late requests (analytics after load) belong to the picture; wait briefly for quiet.
    await page.waitForNetworkIdle({ idleTime: 300, timeout: Math.max(0, Math.min(2_500, timeLeft(deadline) - 8_000)) }).catch(() => undefined);
    await unthrottle?.();

    step("idle");
    // --- DOM facts, probes, perf ---
    let collected: Collected | null = null;
    try {
      collected = await withTimeout(page.evaluate(`(${COLLECT_SCRIPT})(${JSON.stringify(CAPS)})`) as Promise<Collected>, Math.min(10_000, timeLeft(deadline)), "DOM collection");
    } catch (err) {
      errors.push(`dom: ${(err as Error).message}`);
    }
    const captureHooks = await withTimeout(page.evaluate(`(${CAPTURE_COLLECT_SCRIPT})()`), Math.max(0, Math.min(2_000, timeLeft(deadline))), "capture hooks").then(parseCaptureHooks, () => []);

    let device: PageArtifacts["device"];
    if (opts.device) {
      try {
        device = await withTimeout(probeDevice(page, opts.device), Math.min(5_000, timeLeft(deadline)), "device probe");
      } catch (err) {
        errors.push(`device: ${(err as Error).message.slice(0, 300)}`);
      }
    }
    step("collect");
    // --- axe ---
    let axe: AxeArtifact | null = null;
    if (opts.axe !== false) {
      try {
        const budget = Math.min(15_000, timeLeft(deadline) - 2_000);
        if (budget < 1_000) throw new Error("no time left");
        axe = await withTimeout(
          (async () => {
            await page.evaluate(axeInjection(axeCore.source));
            return (await page.evaluate(`(${AXE_RUN_SCRIPT})(${JSON.stringify(AXE_TAGS)})`)) as AxeArtifact;
          })(),
          budget,
          "axe",
        );
      } catch (err) {
        axe = { violations: [], passes: [], incomplete: [], inapplicable: [], error: (err as Error).message.slice(0, 500) };
      }
    }

    step("axe");
    // --- typing probe (key logging) ---
    const exfiltration: BehaviourProbes["exfiltrationAfterTyping"] = [];
    let typingProbeRan = false;
    if (opts.typingProbe !== false && timeLeft(deadline) > 4_000) {
      try {
        const selector = (await page.evaluate(`(${FIND_TEXT_INPUT_SCRIPT})()`)) as string | null;
        if (selector) {
          const since = Date.now();
          await page.focus(selector);
          await page.keyboard.type(PROBE_TEXT, { delay: 15 });
          typingProbeRan = true;
          await page.waitForNetworkIdle({ idleTime: 500, timeout: Math.min(2_500, timeLeft(deadline) - 1_500) }).catch(() => undefined);
          for (const { request, postDataSample } of recorder.requestsSince(since)) {
            if (request.resourceType === "document" || request.resourceType === "stylesheet" || request.resourceType === "font") continue;
            const hay = `${decodeSafe(request.url)} ${postDataSample ?? ""}`;
            exfiltration.push({
              url: request.url.slice(0, 2_000),
              bytes: request.postDataBytes ?? request.url.length,
              method: request.method,
              resourceType: request.resourceType,
              thirdParty: request.thirdParty,
              initiatorUrl: request.initiatorUrl,
              containsTyped: hay.includes(PROBE_TEXT) || hay.includes(PROBE_TEXT.slice(0, 6)),
            });
          }
        }
      } catch (err) {
        errors.push(`typing probe: ${(err as Error).message}`);
      }
    }

    step("typing");
    // --- script/style bodies, cookies, TLS ---
    const requests = recorder.toRequests();
    if (guard) {
      // Behind the proxy CDP reports the proxy's address; use the address the proxy actually connected to.
      for (const r of requests) {
        let host = "";
        try {
          host = new URL(r.url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
        } catch {
          continue;
        }
        const address = guard.addresses.get(host);
        if (address) r.remoteAddress = address;
        else delete r.remoteAddress;
        const b = r.responseHeaders[BLOCKED_HEADER] || r.status === null ? blockedByGuard(r.url) : undefined;
        if (b && errors.length < 50) errors.push(`blocked request to ${host}: ${b.reason}`);
      }
    }
    if (opts.bodies !== false) try {
      const bodies = await recorder.fetchBodies({ maxCount: 60, maxChars: BODY_CAP, deadline: deadline - 1_000 });
      for (const [i, body] of bodies) requests[i].body = body;
    } catch (err) {
      errors.push(`bodies: ${(err as Error).message}`);
    }

    let cookies: CookieArtifact[] = [];
    try {
      cookies = await collectCookies(cdp, recorder, finalUrl, collected?.cookieWrites ?? []);
    } catch (err) {
      errors.push(`cookies: ${(err as Error).message}`);
    }

    step("bodiesCookies");
    let tls: TlsArtifact | null = null;
    if (finalUrl.startsWith("https:")) {
      const sd = recorder.securityDetailsOf(finalUrl);
      tls = sd
        ? {
            protocol: sd.protocol,
            cipher: sd.cipher,
            issuer: sd.issuer,
            subjectName: sd.subjectName,
            sanList: sd.sanList,
            validFrom: sd.validFrom,
            validTo: sd.validTo,
          }
        : { error: "no security details reported" };
      if (certError) tls.error = certError;
    }

    const redirects = navEntries.slice(0, -1).map((hop) => ({
      url: hop.url,
      status: hop.status ?? 0,
      location: hop.responseHeaders["location"] ? new URL(hop.responseHeaders["location"], hop.url).toString() : "",
    }));

    const performance = buildPerformance(collected?.perf ?? null, requests);
    const behaviour: BehaviourProbes = {
      ...(collected?.probes ?? emptyBehaviour()),
      exfiltrationAfterTyping: exfiltration,
      typingProbeRan,
      captureHooks,
    };
    for (const hit of recorder.privateHits) errors.push(`private address ${hit.address} reached by ${hit.url}`);

    return {
      url,
      finalUrl,
      status: last.status,
      redirects,
      responseHeaders: last.responseHeaders,
      tls,
      requests,
      cookies,
      dom: collected?.dom ?? emptyDom(),
      axe,
      performance,
      behaviour,
      consoleErrors,
      errors,
      timings: { navigationMs, gatherMs: Date.now() - started, steps },
      ...(device ? { device } : {}),
    };
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function buildPerformance(perf: Collected["perf"] | null, requests: PageArtifacts["requests"]): PerformanceArtifact {
  const bytesByType: Partial<Record<ResourceType, number>> = {};
  let totalBytes = 0;
  for (const r of requests) {
    bytesByType[r.resourceType] = (bytesByType[r.resourceType] ?? 0) + r.transferBytes;
    totalBytes += r.transferBytes;
  }
  const base = emptyPerformance();
  if (!perf) return { ...base, bytesByType, totalBytes, requestCount: requests.length };
  const fcp = perf.fcp;
  // TBT as Lighthouse defines it: blocking part (> 50 ms) of long tasks after FCP.
  const tbt = fcp === null ? null : perf.longTasks.reduce((n, t) => (t.start + t.duration > fcp ? n + Math.max(0, t.duration - 50) : n), 0);
  const round = (v: number | null) => (v === null || v === undefined ? null : Math.round(v));
  return {
    ttfb: round(perf.ttfb),
    fcp: round(fcp),
    lcp: round(perf.lcp),
    cls: perf.cls === null ? null : Math.round(perf.cls * 10_000) / 10_000,
    tbt: round(tbt),
    domContentLoaded: round(perf.domContentLoaded),
    load: round(perf.load),
    longTasks: perf.longTasks.map((t) => ({ start: Math.round(t.start), duration: Math.round(t.duration) })),
    bytesByType,
    totalBytes,
    requestCount: requests.length,
  };
}

interface CdpCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  size: number;
  httpOnly: boolean;
  secure: boolean;
  session: boolean;
  sameSite?: "Strict" | "Lax" | "None";
}

async function collectCookies(
  cdp: import("puppeteer-core").CDPSession,
  recorder: NetworkRecorder,
  pageUrl: string,
  writes: { name: string; script?: string }[],
): Promise<CookieArtifact[]> {
  const { cookies } = (await cdp.send("Network.getAllCookies")) as { cookies: CdpCookie[] };
  const lines = recorder.cookieLines();
  const setByResponse = new Map<string, string>();
  for (const l of lines) {
    const { name } = parseCookieLine(l.line);
    if (name && !l.blockedReasons && !setByResponse.has(name)) setByResponse.set(name, l.responseUrl);
  }
  const setByScript = new Map<string, string>();
  for (const w of writes) if (w.name && !setByScript.has(w.name)) setByScript.set(w.name, w.script ?? "script");

  const out: CookieArtifact[] = cookies.map((c) => {
    const cookie: CookieArtifact = {
      name: c.name.slice(0, 200),
      value: c.value.slice(0, 200),
      domain: c.domain,
      path: c.path,
      expires: c.session ? -1 : Math.round(c.expires),
      size: c.size,
      httpOnly: c.httpOnly,
      secure: c.secure,
      thirdParty: isThirdPartyCookieDomain(c.domain, pageUrl),
      setBeforeConsent: true,
    };
    if (c.sameSite) cookie.sameSite = c.sameSite;
    const by = setByResponse.get(c.name) ?? setByScript.get(c.name);
    if (by) cookie.setBy = by;
    return cookie;
  });

  // Cookies Chromium refused (third-party cookie blocking, bad attributes) still show the site's intent.
  for (const l of lines) {
    if (!l.blockedReasons) continue;
    const { name, value, attrs } = parseCookieLine(l.line);
    if (!name) continue;
    let host = "";
    try {
      host = new URL(l.responseUrl).hostname;
    } catch {
      continue;
    }
    const domain = attrs["domain"] ? `.${attrs["domain"].replace(/^\./, "")}` : host;
    if (out.some((c) => c.name === name && c.domain === domain)) continue;
    const maxAge = attrs["max-age"] !== undefined ? Number(attrs["max-age"]) : NaN;
    const expiresAttr = attrs["expires"] ? Date.parse(attrs["expires"]) : NaN;
    const expires = Number.isFinite(maxAge) ? Math.round(Date.now() / 1000 + maxAge) : Number.isFinite(expiresAttr) ? Math.round(expiresAttr / 1000) : -1;
    const cookie: CookieArtifact = {
      name: name.slice(0, 200),
      value: value.slice(0, 200),
      domain,
      path: attrs["path"] || "/",
      expires,
      size: name.length + value.length,
      httpOnly: "httponly" in attrs,
      secure: "secure" in attrs,
      thirdParty: isThirdPartyCookieDomain(domain, pageUrl),
      setBeforeConsent: true,
      setBy: l.responseUrl,
      blocked: true,
    };
    const ss = sameSiteOf(attrs["samesite"]);
    if (ss) cookie.sameSite = ss;
    out.push(cookie);
  }
  return out;
}
