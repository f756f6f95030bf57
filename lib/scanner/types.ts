import type { PrivateOrigin } from "../net/ssrf";
// The scanner's contract: what gather produces (artifacts), what checks return, what a scan reports.
// Pure types only — no imports from Prisma, Next or Inngest anywhere under lib/scanner.
import type { BrowserRegistry } from "./gather/browser-registry";
import type { DeviceName } from "./devices";
import type { SubjectKind } from "./subject";

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
  /**
   * Third-party requests only: names of the query and body parameters sent, each value classified
   * (lib/scanner/gather/sent-params.ts). Values are never kept.
   */
  sentParams?: SentParam[];
}

export const SENT_PARAM_KINDS = ["identifier", "screen_device", "page_url", "email", "timestamp", "other"] as const;
export type SentParamKind = (typeof SENT_PARAM_KINDS)[number];

/** One parameter a request carried: where, its name (capped) and what its value looked like — never the value. */
export interface SentParam {
  in: "query" | "body";
  name: string;
  kind: SentParamKind;
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
  /**
   * Session-capture hooks any script installed (gather/inpage-capture.ts): document-wide mutation observers and
   * mouse/scroll/key listeners on the document or window, with the calling script. Undefined = not gathered.
   */
  captureHooks?: { hook: CaptureHook; script?: string }[];
}

export type CaptureHook = "mutation-observer" | "mouse" | "scroll" | "keys";

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

/** What depends on the screen a page was loaded on (lib/scanner/gather/devices.ts). */
export interface DeviceArtifact {
  name: DeviceName;
  touch: boolean;
  mobile: boolean;
  /** the profile's screen width (CSS px) */
  screenWidth: number;
  /** as the page saw it: window.inner*, the layout viewport's width and the document's scroll width */
  viewport: { width: number; height: number; layoutWidth: number; scrollWidth: number };
  touchPoints: number;
  userAgent: string;
  /** tap targets smaller than 48×48 CSS px with another target within a finger's reach (first 30) */
  tapTargets: { checked: number; tooCloseCount: number; tooClose: { selector: string; text: string; width: number; height: number; near: string }[] };
  /** outermost elements reaching past the layout viewport's right edge (first 5) */
  overflowing: { selector: string; width: number; right: number }[];
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
  /** the device profile the page was loaded as; absent = no emulation (artifacts from older code, tests) */
  device?: DeviceArtifact;
  /** the consent variants of this page (scan option `consent`); absent when not asked for */
  consent?: ConsentArtifact;
}

/** A cookie as the consent comparison lists it (no value: only what identifies it). */
export interface ConsentCookie {
  name: string;
  domain: string;
  thirdParty: boolean;
}

/** A host the page contacted, with how many requests. */
export interface ConsentHost {
  host: string;
  thirdParty: boolean;
  requests: number;
}

/** What the page had done at one moment of a consent-variant load: every cookie stored, every host contacted. */
export interface ConsentSnapshot {
  cookies: ConsentCookie[];
  hosts: ConsentHost[];
}

/**
 * One extra load of a page in a fresh context, driven by @duckduckgo/autoconsent: `before` is the state just
 * before the banner is answered (what a visitor gets before choosing), `after` the state once the choice
 * took effect (cumulative: `after` includes everything in `before`).
 */
export interface ConsentVariant {
  action: "accept" | "reject";
  /** autoconsent's name of the consent manager found (e.g. "Onetrust", "Cybotcookiebot", "HEURISTIC-REJECT"); null = none */
  cmp: string | null;
  /** a visible banner was found */
  popupFound: boolean;
  /** the choice was made (the banner's Accept / Reject was clicked and autoconsent reported success) */
  done: boolean;
  /** how the choice was made: autoconsent's rule for the CMP, or Plumb's generic "Accept all" button match */
  via?: "autoconsent" | "generic-button";
  before: ConsentSnapshot;
  after: ConsentSnapshot;
  error?: string;
  ms: number;
}

export interface ConsentArtifact {
  accept: ConsentVariant | null;
  reject: ConsentVariant | null;
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
  /** `alternates`: hreflang alternates listed in a urlset (<xhtml:link>), for discovery */
  sitemaps: { url: string; status: number | null; urls: string[]; valid: boolean; error?: string; alternates?: string[] }[];
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
  /** the primary device's loads: every check runs on them */
  pages: PageArtifacts[];
  /** scans of more than one device: each further device's loads of the same pages (device-dependent checks only) */
  devicePages?: { device: DeviceName; pages: PageArtifacts[] }[];
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
  /** set by the engine on results of device-dependent checks (lib/scanner/device-checks.ts): the load it came from */
  device?: DeviceName;
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

/** One observation of a finding: where it was seen and on what. */
export interface FindingInstance {
  url: string; // page
  selector?: string;
  /** the asset as seen on this page (script URL, cookie, header, host) for asset findings */
  asset?: string;
  /** capped excerpt of the evidence on this page; hostile text, escape when rendering */
  snippet?: string;
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
  /** what has to change (lib/scanner/subject.ts): asset, site (rule alone), page template or element pattern */
  // Set by the engine's dedupe; optional so hand-built findings (tests, imports) stay valid: without them
  // the instances are the URLs.
  subjectKind?: SubjectKind;
  subject?: string;
  /** every observation (page × element/asset), at most MAX_INSTANCES_PER_FINDING */
  instances?: FindingInstance[];
  /** observations seen, including any beyond the cap */
  instanceCount?: number;
  /** device-dependent findings: the devices whose loads showed it (absent = device-independent) */
  devices?: DeviceName[];
}

export type { SubjectKind };

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
  /** exact origins that may be private although allowPrivate is off (PLUMB_PRIVATE_TARGET_ALLOWLIST) */
  allowedPrivateOrigins?: readonly PrivateOrigin[];
  chromePath?: string;
  /** extra Chromium flags (e.g. "--ignore-certificate-errors" for a self-signed test certificate) */
  chromeArgs?: string[];
  onProgress?: (p: ScanProgress) => void;
  signal?: AbortSignal;
  /**
   * Cookies sent with every page load (not with the crawl's or the site probes' plain HTTP requests): scan
   * pages behind a sign-in by passing the session cookie. Scoped to the scanned URL's host.
   */
  cookies?: ScanCookie[];
  /**
   * Extra request headers (e.g. `Authorization`) sent with every request to the scanned site's origin — the
   * crawl's fetches and the browser's requests; never to third parties.
   */
  headers?: Record<string, string>;
  /** A scripted sign-in run once per scan before crawling; its session cookies go to every page (lib/scanner/auth). */
  login?: LoginScript;
  /** Session cookies of a sign-in already done (scanSite signs in once and passes them to crawl and gather). */
  sessionCookies?: SessionCookieParam[];
  /**
   * Skip pages robots.txt disallows for Plumb. Default false: the site's owner runs the scan, so such pages are
   * audited and listed as blocked by robots.txt (ScanResultPage.robots_blocked).
   */
  respectRobots?: boolean;
  /** crawl only URLs whose path matches one of these patterns (robots.txt syntax, lib/scanner/crawl/patterns.ts) */
  include?: string[];
  /** never crawl URLs whose path matches one of these patterns */
  exclude?: string[];
  /** link depth from the start page (0 = start page only; sitemap entries are depth 1); default unlimited */
  maxDepth?: number;
  /** Records launched browsers so a later process can reap them after a crash (gather/browser-registry.ts). */
  browserRegistry?: BrowserRegistry;
  /**
   * Device profiles to load each page as (lib/scanner/devices.ts); default ["mobile"]. The first is the primary
   * load every check runs on; each further device loads the page again for the device-dependent checks only.
   */
  devices?: DeviceName[];
  /**
   * Before/after consent: each page is loaded twice more, once accepting the consent banner and once rejecting
   * it (@duckduckgo/autoconsent), and what changed is reported (ScanResult.consent). Default false: two extra
   * loads per page.
   */
  consent?: boolean;
}

export interface ScanCookie {
  name: string;
  value: string;
}

/** A cookie with its attributes as the browser reported it after a scripted sign-in (CDP CookieParam). */
export interface SessionCookieParam {
  name: string;
  value: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: "Strict" | "Lax" | "None";
  expires?: number;
}

/** A sign-in form to fill once per scan (lib/scanner/auth/login.ts). */
export interface LoginScript {
  /** the page with the sign-in form (same site as the scan) */
  url: string;
  username: string;
  password: string;
  usernameSelector: string;
  passwordSelector: string;
  /** the button to click; default: press Enter in the password field */
  submitSelector?: string;
  /** signed in when this element appears… */
  successSelector?: string;
  /** …or when the page URL then contains this text (at least one of the two) */
  successUrl?: string;
}

export interface ScanProgress {
  phase: "launch" | "crawl" | "gather" | "check" | "done";
  pagesDone: number;
  pagesTotal: number;
  url?: string;
  findingsSoFar?: number;
  /** gather: "start" when `url` begins loading, "end" when it is done (with its preview findings) */
  event?: "start" | "end";
  /**
   * With event "end": what the page-level checks found on this page alone — a preview for live progress. The
   * scan's findings are computed once every page is in (site checks, dedupe across pages) and may differ.
   */
  pageFindings?: { pillar: Pillar; rule: string; severity: Severity; title: string }[];
}

/** Lab metrics of one page load, as reported per page (ms; CLS unitless; bytes on the wire). */
export interface PageMetrics {
  ttfb: number | null;
  fcp: number | null;
  lcp: number | null;
  cls: number | null;
  tbt: number | null;
  load: number | null;
  bytes: number;
  requests: number;
}

export interface ScanResultPage {
  url: string;
  status: number | null;
  error?: string;
  title?: string;
  /** set for pages that loaded */
  metrics?: PageMetrics;
  /** 0..100 on the Lighthouse-style curves of lib/scanner/perf-score.ts; absent when not scored */
  performance_score?: number;
  /** robots.txt disallows this page for Plumb: audited anyway (the owner runs the scan), hidden from crawlers */
  robots_blocked?: boolean;
  /** scans of more than one device: each device's load of the page (the primary's equals metrics above) */
  devices?: ScanResultPageDevice[];
}

export interface ScanResultPageDevice {
  device: DeviceName;
  status: number | null;
  error?: string;
  metrics?: PageMetrics;
  performance_score?: number;
}

export interface ScanResult {
  target: string;
  started_at: string;
  finished_at: string;
  pages: ScanResultPage[];
  scores: Partial<Record<Pillar, number>>;
  score: number; // overall 0..100
  grade: string; // overall A+..F, capped by worst open severity
  security_grade?: string;
  /** how the security grade was reached: each security test, pass/fail, modifier (lib/scanner/scores.ts) */
  security_tests?: SecurityTestsTable;
  findings: Finding[];
  checks: CheckOutcome[];
  timings: Record<string, number>;
  /** before/after consent per page, when the scan asked for it (ScanOptions.consent) */
  consent?: ScanConsentReport;
  /** URLs the crawl found but did not scan, with the reason (robots.txt with respectRobots, patterns, depth…); at most 200 */
  skipped_pages?: { url: string; reason: string }[];
  /** the device profiles the pages were loaded as, primary first (scores.performance is the primary's) */
  devices?: DeviceName[];
  /** scans of more than one device: the performance pillar score of each device's loads */
  device_scores?: Partial<Record<DeviceName, number>>;
  /** every third-party host the pages contacted (lib/scanner/third-parties/inventory.ts); bounded */
  third_parties?: ThirdPartyHost[];
}

/** One parameter of a beacon endpoint, with every kind of value seen under that name. */
export interface ThirdPartyParam {
  in: "query" | "body";
  name: string;
  kinds: SentParamKind[];
}

/** Requests to one endpoint (host + path) that carried data. */
export interface ThirdPartyBeacon {
  endpoint: string; // scheme://host/path, no query
  method: string;
  count: number;
  params: ThirdPartyParam[];
}

/** A third-party host as seen across the scan's pages. */
export interface ThirdPartyHost {
  host: string;
  /** registrable domain (eTLD+1) */
  site: string;
  /** on Plumb's tracker list; null = unknown to it */
  tracker: { id: string; name: string; company: string; category: string } | null;
  requests: number;
  /** bytes received from it (on the wire) */
  bytes: number;
  /** request body bytes sent to it */
  bytes_sent: number;
  /** request count per resource type */
  resource_types: Partial<Record<ResourceType, number>>;
  /** names of cookies this host set (Set-Cookie from its responses, or its scripts through document.cookie) */
  cookies: string[];
  first_seen_on: string;
  pages: number;
  beacons: ThirdPartyBeacon[];
  /** kinds of data the host received across its beacons */
  receives: SentParamKind[];
  /** not on the tracker list, yet receives identifiers: reported as a probable tracker */
  probable_tracker: boolean;
}

/** Mirrors SecurityTests in scores.ts (types.ts stays free of imports). */
export interface SecurityTestsTable {
  tests: { rule: string; title: string; outcome: CheckOutcome["outcome"]; severity: Severity | null; modifier: number }[];
  bonus: number;
  score: number;
  grade: string;
}

/** The consent comparison of one page, as a scan reports it (lib/scanner/consent-report.ts). */
export interface ScanConsentPage {
  url: string;
  cmp: string | null;
  /** the state before any choice (from the accept load, else the reject load) */
  before: ConsentSnapshot;
  accept: { done: boolean; via?: string; error?: string; added: ConsentSnapshot } | null;
  reject: { done: boolean; offered: boolean; error?: string; added: ConsentSnapshot } | null;
}

export interface ScanConsentReport {
  pages: ScanConsentPage[];
  /** ms the consent loads took in all (both variants, every page) */
  ms: number;
}
