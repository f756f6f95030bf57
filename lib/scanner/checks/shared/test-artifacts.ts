// Builders of valid artifacts for unit tests of checks: a well-behaved page/site by default, with
// overrides for the defect under test. Shared by every check engineer; keep defaults neutral (no defects).
import type {
  BehaviourProbes,
  CheckContext,
  CheckDefinition,
  CheckResult,
  CookieArtifact,
  DomFacts,
  NetworkRequest,
  PageArtifacts,
  PerformanceArtifact,
  ProbeResult,
  SiteArtifacts,
} from "../../types";

export type PageOverrides = Omit<Partial<PageArtifacts>, "dom" | "behaviour" | "performance"> & {
  dom?: Partial<DomFacts>;
  behaviour?: Partial<BehaviourProbes>;
  performance?: Partial<PerformanceArtifact>;
};

export function makeDom(overrides: Partial<DomFacts> = {}): DomFacts {
  return {
    title: "Example — a well-built page",
    titleCount: 1,
    lang: "en",
    metaDescription: "A page used in scanner tests.",
    metaRobots: null,
    metaViewport: "width=device-width, initial-scale=1",
    metaReferrer: null,
    metaCsp: null,
    canonical: null,
    canonicalCount: 0,
    headings: [{ level: 1, text: "Example" }],
    h1Count: 1,
    links: [],
    forms: [],
    images: [],
    scripts: [],
    stylesheets: [],
    iframes: [],
    privacyLinks: ["Privacy policy"],
    consentBanner: null,
    textSample: "Example",
    htmlBytes: 200,
    html: "<!doctype html><html lang=\"en\"><head><title>Example</title></head><body><h1>Example</h1></body></html>",
    ...overrides,
  };
}

export function makeBehaviour(overrides: Partial<BehaviourProbes> = {}): BehaviourProbes {
  return {
    canvasReads: [],
    keyListeners: [],
    sessionReplayGlobals: [],
    fingerprintApis: [],
    gpcRead: false,
    exfiltrationAfterTyping: [],
    ...overrides,
  };
}

export function makePerformance(overrides: Partial<PerformanceArtifact> = {}): PerformanceArtifact {
  return {
    ttfb: 50,
    fcp: 300,
    lcp: 400,
    cls: 0,
    tbt: 0,
    domContentLoaded: 250,
    load: 450,
    longTasks: [],
    bytesByType: { document: 2000 },
    totalBytes: 2000,
    requestCount: 1,
    ...overrides,
  };
}

/** Headers of a well-configured https page (what the clean site should send). */
export const GOOD_HEADERS: Record<string, string> = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
  "strict-transport-security": "max-age=63072000; includeSubDomains; preload",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

export function makePage(overrides: PageOverrides = {}): PageArtifacts {
  const url = overrides.url ?? "https://example.com/";
  const { dom, behaviour, performance, ...rest } = overrides;
  const https = (rest.finalUrl ?? url).startsWith("https:");
  return {
    url,
    finalUrl: url,
    status: 200,
    redirects: [],
    responseHeaders: { ...GOOD_HEADERS },
    tls: https
      ? {
          protocol: "TLS 1.3",
          cipher: "AES_128_GCM",
          issuer: "Example CA",
          subjectName: new URL(url).hostname,
          sanList: [new URL(url).hostname],
          validFrom: Math.floor(Date.now() / 1000) - 30 * 86400,
          validTo: Math.floor(Date.now() / 1000) + 60 * 86400,
        }
      : null,
    requests: [],
    cookies: [],
    axe: { violations: [], passes: [], incomplete: [], inapplicable: [] },
    consoleErrors: [],
    errors: [],
    timings: { navigationMs: 200, gatherMs: 400 },
    ...rest,
    dom: makeDom(dom),
    behaviour: makeBehaviour(behaviour),
    performance: makePerformance(performance),
  };
}

export function makeProbe(url: string, overrides: Partial<ProbeResult> = {}): ProbeResult {
  return { url, status: 404, headers: { "content-type": "text/html" }, body: "<h1>Not found</h1>", ...overrides };
}

export function makeSite(overrides: Partial<SiteArtifacts> = {}): SiteArtifacts {
  const origin = overrides.origin ?? "https://example.com";
  const future = new Date(Date.now() + 180 * 86400_000).toISOString();
  return {
    origin,
    robotsTxt: makeProbe(`${origin}/robots.txt`, { status: 200, headers: { "content-type": "text/plain" }, body: "User-agent: *\nAllow: /\n" }),
    sitemaps: [],
    securityTxt: makeProbe(`${origin}/.well-known/security.txt`, {
      status: 200,
      headers: { "content-type": "text/plain" },
      body: `Contact: mailto:security@example.com\nExpires: ${future}\n`,
    }),
    gitConfig: makeProbe(`${origin}/.git/config`),
    envFile: makeProbe(`${origin}/.env`),
    gpcJson: makeProbe(`${origin}/.well-known/gpc.json`),
    sourceMaps: [],
    linkStatus: {},
    sitemapUrlStatus: {},
    corsProbe: makeProbe(`${origin}/`, { status: 200, headers: { "content-type": "text/html" }, body: "" }),
    ...overrides,
  };
}

export function makeRequest(url: string, overrides: Partial<NetworkRequest> = {}): NetworkRequest {
  return {
    url,
    method: "GET",
    resourceType: "script",
    status: 200,
    requestHeaders: {},
    responseHeaders: {},
    transferBytes: 1000,
    bodyBytes: 1000,
    startTime: 10,
    endTime: 20,
    thirdParty: false,
    ...overrides,
  };
}

export function makeCookie(name: string, overrides: Partial<CookieArtifact> = {}): CookieArtifact {
  return {
    name,
    value: "v",
    domain: "example.com",
    path: "/",
    expires: -1,
    size: name.length + 1,
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    thirdParty: false,
    setBeforeConsent: true,
    ...overrides,
  };
}

export function makeContext(pages: PageArtifacts[] = [makePage()], site: Partial<SiteArtifacts> = {}): CheckContext {
  return { site: makeSite(site), pages };
}

/** Runs a check the way the engine does: once for a site check, once per page for a page check. */
export function runCheck(def: CheckDefinition, ctx: CheckContext): CheckResult[] | "n/a" {
  if (def.scope === "site") return def.run(ctx);
  const all: CheckResult[] = [];
  let applicable = false;
  for (const page of ctx.pages) {
    const r = def.run({ ...ctx, page });
    if (r === "n/a") continue;
    applicable = true;
    all.push(...r);
  }
  return applicable ? all : "n/a";
}

/** Results of a run, [] for "n/a" — for assertions that only care about failures. */
export function failures(def: CheckDefinition, ctx: CheckContext): CheckResult[] {
  const r = runCheck(def, ctx);
  return r === "n/a" ? [] : r;
}
