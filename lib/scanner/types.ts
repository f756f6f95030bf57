// The scanner's contract: what gather produces (artifacts), what checks return, what a scan reports.
// Pure types only — no imports from Prisma, Next or Inngest anywhere under lib/scanner.

export const PILLARS = ["accessibility", "security", "cookies", "trackers", "privacy", "performance", "seo"] as const;
export type Pillar = (typeof PILLARS)[number];

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Headers = Record<string, string>; // lower-cased names; repeated headers joined with "\n" (set-cookie)

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

export type ResourceType =
  | "document" | "stylesheet" | "script" | "image" | "font" | "media" | "xhr" | "fetch" | "websocket" | "other";

export interface NetworkRequest {
  url: string;
  method: string;
  resourceType: ResourceType;
  status: number | null; // null = failed
  failed?: string; // net error text
  mimeType?: string;
  requestHeaders: Headers;
  responseHeaders: Headers;
  /** bytes on the wire (encoded) and decoded body size */
  transferBytes: number;
  bodyBytes: number;
  /** ms since navigation start */
  startTime: number;
  endTime: number;
  initiatorUrl?: string; // script/document that caused it
  initiatorType?: string; // parser | script | preload | other
  postDataBytes?: number;
  thirdParty: boolean; // registrable domain differs from the page's
  fromCache?: boolean;
  renderBlocking?: boolean; // Chromium's renderBlocking status
  remoteAddress?: string;
  /** inline text for small same-origin/third-party script & css bodies (capped), used by secret/SRI checks */
  body?: string;
}

export interface CookieArtifact {
  name: string;
  value: string; // capped, for evidence only after masking
  domain: string;
  path: string;
  expires: number; // unix seconds; -1 session
  size: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: "Strict" | "Lax" | "None";
  thirdParty: boolean;
  /** set before any user interaction (everything we see is, since we never click consent) */
  setBeforeConsent: boolean;
  /** the response URL or script that set it, if known */
  setBy?: string;
  blocked?: boolean; // reported by CDP as blocked (e.g. third-party cookie blocking)
}

export interface LinkFact {
  href: string; // absolute URL
  text: string; // trimmed, capped
  rel?: string;
  ariaLabel?: string;
  title?: string;
  sameOrigin: boolean;
  nofollow?: boolean;
  /** alt text of images inside the link (capped); search engines use it as anchor text when `text` is empty */
  imageAlt?: string;
}

export interface FormFact {
  action: string; // absolute
  method: string;
  hasPassword: boolean;
  selector: string;
}

export interface ImageFact {
  src: string;
  selector: string;
  alt: string | null;
  width: number | null; // attribute width
  height: number | null;
  naturalWidth: number;
  naturalHeight: number;
  displayWidth: number;
  displayHeight: number;
  bytes?: number;
  loading?: string;
  /**
   * computed style reserves the box before the image loads (both width and height not auto, an aspect-ratio
   * other than auto, or position absolute/fixed) — for the unsized-images (CLS) check; undefined = unknown
   */
  sizedByCss?: boolean;
}

export interface ScriptFact {
  src?: string; // absolute URL for external scripts
  inline: boolean;
  integrity?: string;
  crossorigin?: string;
  async: boolean;
  defer: boolean;
  type?: string;
  inlineText?: string; // capped
}

export interface StylesheetFact {
  href: string;
  integrity?: string;
  media?: string;
}

export interface DomFacts {
  title: string | null;
  titleCount: number;
  lang: string | null;
  metaDescription: string | null;
  metaRobots: string | null;
  metaViewport: string | null;
  metaReferrer: string | null;
  metaCsp: string | null; // <meta http-equiv="Content-Security-Policy">
  canonical: string | null;
  canonicalCount: number;
  /** <link rel="alternate" hreflang> entries (href absolute), for the hreflang check; undefined = not gathered */
  hreflangs?: { hreflang: string; href: string }[];
  headings: { level: number; text: string }[];
  h1Count: number;
  links: LinkFact[];
  forms: FormFact[];
  images: ImageFact[];
  scripts: ScriptFact[];
  stylesheets: StylesheetFact[];
  iframes: { src: string; sandbox?: string }[];
  /** text of likely privacy-policy / cookie links found */
  privacyLinks: string[];
  /** a visible element that looks like a consent banner (selector or null) */
  consentBanner: { selector: string; text: string } | null;
  /** visible text sample, capped */
  textSample: string;
  htmlBytes: number;
  /** raw HTML, capped (for secret detection / verification meta) */
  html: string;
}

export interface AxeNode {
  target: string[];
  html: string; // capped
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  description: string;
  help: string;
  helpUrl: string;
  tags: string[];
  nodes: AxeNode[];
}

export interface AxeArtifact {
  violations: AxeViolation[];
  passes: string[]; // rule ids that passed
  incomplete: string[];
  inapplicable: string[];
  error?: string; // axe failed on this page
}

export interface PerformanceArtifact {
  ttfb: number | null; // ms
  fcp: number | null;
  lcp: number | null;
  cls: number | null;
  tbt: number | null; // sum of (long task - 50ms) between FCP and load (+ quiet window)
  domContentLoaded: number | null;
  load: number | null;
  longTasks: { start: number; duration: number }[];
  bytesByType: Partial<Record<ResourceType, number>>;
  totalBytes: number;
  requestCount: number;
}

export interface BehaviourProbes {
  /** canvas toDataURL/getImageData calls, with the calling script URL when known */
  canvasReads: { method: string; script?: string }[];
  /** addEventListener('keydown'|'keypress'|'keyup'|'input') on document/window/inputs, with caller */
  keyListeners: { type: string; target: string; script?: string }[];
  /** globals of known session-replay tools found on window (e.g. "hj", "FS", "_mfq", "LogRocket") */
  sessionReplayGlobals: string[];
  /** navigator properties read that fingerprinting scripts use (webdriver, plugins, hardwareConcurrency…) */
  fingerprintApis: { api: string; script?: string }[];
  /** whether navigator.globalPrivacyControl was read by the page */
  gpcRead: boolean;
  /** beacons/XHR sent after synthetic typing into an input (key logging evidence) */
  exfiltrationAfterTyping: {
    url: string;
    bytes: number; // request body bytes, or URL length when the data rides in the query string
    method?: string;
    resourceType?: ResourceType;
    thirdParty?: boolean;
    initiatorUrl?: string;
    /** the request (URL or body) carried the probe text we typed, or a recognisable piece of it */
    containsTyped?: boolean;
  }[];
  /** whether the typing probe ran (a visible text field existed); false = exfiltrationAfterTyping is meaningless */
  typingProbeRan?: boolean;
}

export interface TlsArtifact {
  protocol?: string;
  cipher?: string;
  issuer?: string;
  subjectName?: string;
  sanList?: string[];
  validFrom?: number; // unix seconds
  validTo?: number;
  /** browser-reported certificate errors (net::ERR_CERT_…) */
  error?: string;
}

export interface PageArtifacts {
  url: string; // requested URL
  finalUrl: string; // after redirects
  status: number | null;
  redirects: RedirectHop[];
  responseHeaders: Headers; // main document response
  tls: TlsArtifact | null; // null on http
  requests: NetworkRequest[];
  cookies: CookieArtifact[];
  dom: DomFacts;
  axe: AxeArtifact | null;
  performance: PerformanceArtifact;
  behaviour: BehaviourProbes;
  consoleErrors: string[];
  /** gather-level problems (timeouts of a sub-step) — never thrown */
  errors: string[];
  timings: { navigationMs: number; gatherMs: number; steps?: Record<string, number> };
}

export interface ProbeResult {
  url: string;
  status: number | null; // null = unreachable
  headers: Headers;
  body: string; // capped
  contentType?: string;
  error?: string;
}

export interface SiteArtifacts {
  origin: string; // scheme://host[:port]
  robotsTxt: ProbeResult | null;
  sitemaps: { url: string; status: number | null; urls: string[]; valid: boolean; error?: string }[];
  securityTxt: ProbeResult | null; // /.well-known/security.txt, falling back to /security.txt
  gitConfig: ProbeResult | null; // /.git/config
  envFile: ProbeResult | null; // /.env
  gpcJson: ProbeResult | null; // /.well-known/gpc.json
  sourceMaps: ProbeResult[]; // probes of <script>.map / sourceMappingURL
  /** status of internal links discovered on pages but not crawled (HEAD/GET probes) */
  linkStatus: Record<string, number | null>;
  /** status of URLs listed in sitemaps that were probed */
  sitemapUrlStatus: Record<string, number | null>;
  /** CORS probe: response to a request with Origin: https://evil.example */
  corsProbe: ProbeResult | null;
  /** https sites: GET http://<host>/ without following redirects — does plain HTTP redirect to HTTPS? (check plain-http) */
  httpProbe?: ProbeResult | null;
}

export interface Artifacts {
  site: SiteArtifacts;
  pages: PageArtifacts[];
}

/**
 * One observation of a check. Results are merged into one Finding when (pillar, rule, path template, key or
 * selector) match; the Finding lists every URL. Conventions for check authors:
 *  - Page-specific issue (an image without alt): `url` = page URL, `selector` = CSS selector; pages of the
 *    same template (/blog/1, /blog/2) merge automatically because numeric/uuid/hash segments are collapsed.
 *  - Site-wide issue (a header missing on every page, a missing security.txt, a cookie, a tracker host):
 *    set `key` (header name, cookie name, third-party host…) and `siteWide: true`; the engine then
 *    fingerprints it once per site regardless of which pages it was seen on (all pages still go in `urls`).
 *    Page-agnostic results from site-scope checks may simply set `url` to the origin (or the probed file URL).
 *  - Never put changing text (counts, timestamps, values) in `key`/`selector`: they feed the fingerprint.
 */
export interface CheckResult {
  rule: string;
  pillar: Pillar;
  severity: Severity;
  title: string;
  description: string;
  fix: string;
  url: string; // page (or site file) where seen
  evidence?: string; // capped to 2 000 chars; escaped by whoever renders it
  selector?: string;
  /** stable discriminator within rule (cookie name, third-party host, header name) — part of the fingerprint */
  key?: string;
  /** one finding per site for this (rule, key), whatever page it was seen on — see the conventions above */
  siteWide?: boolean;
}

export interface CheckDefinition {
  rule: string;
  pillar: Pillar;
  severity: Severity; // default severity
  weight: number; // score weight; 0 = informational
  title: string;
  /** "site" checks run once over SiteArtifacts+pages; "page" checks once per page */
  scope: "page" | "site";
  /** returns failures (empty = pass) or "n/a" when the check doesn't apply */
  run(ctx: CheckContext): CheckResult[] | "n/a";
}

export interface CheckContext {
  site: SiteArtifacts;
  pages: PageArtifacts[];
  /** for scope "page": the page under check */
  page?: PageArtifacts;
}

export interface Finding {
  pillar: Pillar;
  rule: string;
  severity: Severity;
  title: string;
  description: string;
  url: string; // first URL seen
  urls: string[];
  evidence?: string;
  selector?: string;
  fix: string;
  fingerprint: string;
  /** the result's discriminator (header, cookie, host…) when the check set one */
  key?: string;
}

export interface CheckOutcome {
  rule: string;
  pillar: Pillar;
  outcome: "pass" | "fail" | "n/a" | "error";
  error?: string;
  /** share of applicable pages that passed (page checks); 1 or 0 for site checks; feeds the pillar score */
  passRate?: number;
  weight?: number;
  severity?: Severity;
}

export interface ScanOptions {
  url: string;
  pillars?: Pillar[];
  maxPages?: number; // default 10
  concurrency?: number; // tabs, default 4
  timeoutMs?: number; // whole scan
  pageTimeoutMs?: number;
  checkTimeoutMs?: number;
  /** allow private/loopback targets (CLI and tests); the server sets it from PLUMB_ALLOW_PRIVATE_TARGETS */
  allowPrivate?: boolean;
  chromePath?: string;
  /** extra Chromium flags (e.g. "--ignore-certificate-errors" for a self-signed test certificate) */
  chromeArgs?: string[];
  onProgress?: (p: ScanProgress) => void;
  signal?: AbortSignal;
}

export interface ScanProgress {
  phase: "launch" | "crawl" | "gather" | "check" | "done";
  pagesDone: number;
  pagesTotal: number;
  url?: string;
  findingsSoFar?: number;
}

export interface ScanResult {
  target: string;
  started_at: string;
  finished_at: string;
  pages: { url: string; status: number | null; error?: string }[];
  scores: Partial<Record<Pillar, number>>;
  score: number; // overall 0..100
  grade: string; // overall A+..F, capped by worst open severity
  security_grade?: string;
  findings: Finding[];
  checks: CheckOutcome[];
  timings: Record<string, number>;
}
