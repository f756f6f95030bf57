// Response-header hardening: HSTS, framing, MIME sniffing, Referrer-Policy, Permissions-Policy and
// version disclosure. Each problem is one site-wide finding keyed by header (and problem).
import type { CheckDefinition, CheckResult } from "../../types";
import { fail } from "../shared/result";
import { documentPage, pageIsHttps } from "../shared/web";
import { pageCsp } from "./csp-parse";

const SIX_MONTHS = 15_552_000; // seconds; the minimum HSTS preload lists and Observatory accept

export function parseHsts(value: string): { maxAge: number | null; includeSubDomains: boolean; preload: boolean } {
  // Only the first header counts when several are sent.
  const first = value.split("\n")[0];
  let maxAge: number | null = null;
  let includeSubDomains = false;
  let preload = false;
  for (const part of first.split(";")) {
    const [k, v] = part.split("=").map((s) => s?.trim());
    const key = k?.toLowerCase();
    if (key === "max-age" && v !== undefined) {
      const n = Number.parseInt(v.replace(/"/g, ""), 10);
      if (Number.isFinite(n)) maxAge = n;
    } else if (key === "includesubdomains") includeSubDomains = true;
    else if (key === "preload") preload = true;
  }
  return { maxAge, includeSubDomains, preload };
}

export const hstsMissing: CheckDefinition = {
  rule: "hsts-missing",
  pillar: "security",
  severity: "medium",
  weight: 3,
  title: "No Strict-Transport-Security on HTTPS",
  scope: "page",
  run(ctx) {
    const page = ctx.page && ctx.page.status !== null ? ctx.page : null;
    if (!page || !pageIsHttps(page)) return "n/a";
    const value = page.responseHeaders["strict-transport-security"];
    const parsed = value ? parseHsts(value) : null;
    if (parsed && parsed.maxAge !== null && parsed.maxAge > 0) return [];
    return [
      fail(hstsMissing, {
        url: page.url,
        key: "strict-transport-security",
        siteWide: true,
        description: value
          ? "The Strict-Transport-Security header has no valid positive max-age, so browsers ignore it."
          : "The HTTPS response has no Strict-Transport-Security header. Without it a visitor who types the bare domain or follows an http:// link makes a first plain-HTTP request that an attacker on the network can intercept and downgrade (SSL stripping).",
        fix: "Send `Strict-Transport-Security: max-age=63072000; includeSubDomains` on every HTTPS response (add `preload` once every subdomain serves HTTPS, then submit to hstspreload.org).",
        evidence: value ? `Strict-Transport-Security: ${value}` : "Strict-Transport-Security header absent.",
      }),
    ];
  },
};

export const hstsWeak: CheckDefinition = {
  rule: "hsts-weak",
  pillar: "security",
  severity: "low",
  weight: 1,
  title: "Weak Strict-Transport-Security",
  scope: "page",
  run(ctx) {
    const page = ctx.page && ctx.page.status !== null ? ctx.page : null;
    if (!page || !pageIsHttps(page)) return "n/a";
    const value = page.responseHeaders["strict-transport-security"];
    if (!value) return "n/a"; // hsts-missing covers it
    const h = parseHsts(value);
    if (h.maxAge === null || h.maxAge <= 0) return "n/a";
    const out: CheckResult[] = [];
    if (h.maxAge < SIX_MONTHS) {
      out.push(
        fail(hstsWeak, {
          url: page.url,
          key: "max-age",
          siteWide: true,
          title: "Strict-Transport-Security max-age is shorter than 6 months",
          description: `max-age=${h.maxAge} (${Math.round(h.maxAge / 86400)} days) lets the protection lapse for visitors who come back less often than that; 6 months is the accepted minimum and 1–2 years the norm.`,
          fix: "Raise it: `Strict-Transport-Security: max-age=63072000; includeSubDomains`.",
          evidence: `Strict-Transport-Security: ${value}`,
        }),
      );
    }
    if (!h.includeSubDomains) {
      out.push(
        fail(hstsWeak, {
          url: page.url,
          key: "includeSubDomains",
          siteWide: true,
          title: "Strict-Transport-Security without includeSubDomains",
          description: "Subdomains are not covered, so cookies scoped to the parent domain can still be exposed over plain HTTP on a subdomain, and the domain cannot be HSTS-preloaded.",
          fix: "Once every subdomain serves HTTPS, add includeSubDomains: `Strict-Transport-Security: max-age=63072000; includeSubDomains`.",
          evidence: `Strict-Transport-Security: ${value}`,
        }),
      );
    }
    return out;
  },
};

export const clickjacking: CheckDefinition = {
  rule: "clickjacking-protection-missing",
  pillar: "security",
  severity: "medium",
  weight: 2,
  title: "Page can be framed by any site (no X-Frame-Options or frame-ancestors)",
  scope: "page",
  run(ctx) {
    const page = documentPage(ctx.page);
    if (!page) return "n/a";
    const xfo = page.responseHeaders["x-frame-options"]?.split("\n")[0].trim().toUpperCase();
    if (xfo === "DENY" || xfo === "SAMEORIGIN") return [];
    // frame-ancestors only counts from the header (ignored in <meta>), which pageCsp already handles.
    if (pageCsp(page).enforced.some((p) => p.has("frame-ancestors"))) return [];
    return [
      fail(clickjacking, {
        url: page.url,
        key: "x-frame-options",
        siteWide: true,
        description: xfo
          ? `X-Frame-Options is "${xfo}", which browsers ignore (only DENY and SAMEORIGIN are honoured; ALLOW-FROM is obsolete), and no CSP frame-ancestors is set. Any site can embed the page in an invisible frame and trick users into clicking on it (clickjacking).`
          : "Neither X-Frame-Options nor CSP frame-ancestors is set, so any site can embed the page in an invisible frame and trick users into clicking its buttons (clickjacking).",
        fix: "Send `Content-Security-Policy: frame-ancestors 'self'` (or 'none'), plus `X-Frame-Options: SAMEORIGIN` for old browsers.",
        evidence: xfo ? `X-Frame-Options: ${xfo}` : "No X-Frame-Options header; no frame-ancestors directive in Content-Security-Policy.",
      }),
    ];
  },
};

export const noSniff: CheckDefinition = {
  rule: "x-content-type-options-missing",
  pillar: "security",
  severity: "low",
  weight: 1,
  title: "X-Content-Type-Options: nosniff missing",
  scope: "page",
  run(ctx) {
    const page = documentPage(ctx.page);
    if (!page) return "n/a";
    const value = page.responseHeaders["x-content-type-options"];
    if (value?.split("\n")[0].trim().toLowerCase() === "nosniff") return [];
    return [
      fail(noSniff, {
        url: page.url,
        key: "x-content-type-options",
        siteWide: true,
        description: "Without `X-Content-Type-Options: nosniff`, browsers may guess (sniff) a response's type, so an uploaded text or image file can be executed as script or HTML.",
        fix: "Send `X-Content-Type-Options: nosniff` on every response (one line in the web server / CDN config).",
        evidence: value ? `X-Content-Type-Options: ${value}` : "X-Content-Type-Options header absent.",
      }),
    ];
  },
};

const REFERRER_POLICIES = [
  "no-referrer", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "same-origin",
  "strict-origin", "strict-origin-when-cross-origin", "unsafe-url",
];

/** The policy the browser applies: the header's last recognised token, else the meta referrer. */
export function effectiveReferrerPolicy(headers: Record<string, string>, metaReferrer: string | null): { value: string; source: string } | null {
  const fromHeader = (headers["referrer-policy"] ?? "")
    .split(/[\n,]/)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => REFERRER_POLICIES.includes(t))
    .pop();
  if (fromHeader) return { value: fromHeader, source: `Referrer-Policy: ${headers["referrer-policy"]}` };
  const meta = metaReferrer?.trim().toLowerCase();
  if (meta && REFERRER_POLICIES.includes(meta)) return { value: meta, source: `<meta name="referrer" content="${metaReferrer}">` };
  return null;
}

export const UNSAFE_REFERRER_POLICIES = ["unsafe-url", "no-referrer-when-downgrade"];

export const referrerPolicyMissing: CheckDefinition = {
  rule: "referrer-policy-missing",
  pillar: "security",
  severity: "low",
  weight: 1,
  title: "No Referrer-Policy",
  scope: "page",
  run(ctx) {
    const page = documentPage(ctx.page);
    if (!page) return "n/a";
    if (effectiveReferrerPolicy(page.responseHeaders, page.dom.metaReferrer)) return [];
    return [
      fail(referrerPolicyMissing, {
        url: page.url,
        key: "referrer-policy",
        siteWide: true,
        description: "No Referrer-Policy header or <meta name=\"referrer\">. Current browsers default to strict-origin-when-cross-origin, but older ones send the full URL (including paths and query strings with tokens or emails) to every third party the page loads.",
        fix: "Send `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer` / `same-origin` for stricter privacy).",
        evidence: "Referrer-Policy header absent; no <meta name=\"referrer\">.",
      }),
    ];
  },
};

export const referrerPolicyUnsafe: CheckDefinition = {
  rule: "referrer-policy-unsafe",
  pillar: "security",
  severity: "medium",
  weight: 1,
  title: "Referrer-Policy sends full URLs to other sites",
  scope: "page",
  run(ctx) {
    const page = documentPage(ctx.page);
    if (!page) return "n/a";
    const policy = effectiveReferrerPolicy(page.responseHeaders, page.dom.metaReferrer);
    if (!policy || !UNSAFE_REFERRER_POLICIES.includes(policy.value)) return [];
    return [
      fail(referrerPolicyUnsafe, {
        url: page.url,
        key: policy.value,
        siteWide: true,
        severity: policy.value === "unsafe-url" ? "medium" : "low",
        description:
          policy.value === "unsafe-url"
            ? "Referrer-Policy unsafe-url sends the full URL — path and query string — to every other origin, even from HTTPS to plain HTTP. Reset tokens, search terms or emails in URLs leak to third parties and network observers."
            : "Referrer-Policy no-referrer-when-downgrade sends the full URL (path and query string) to every other HTTPS origin, so third-party scripts, images and links learn exactly which page — and which query parameters — a visitor was on.",
        fix: "Use `Referrer-Policy: strict-origin-when-cross-origin` (only the origin leaves the site) or `no-referrer`.",
        evidence: policy.source,
      }),
    ];
  },
};

export const permissionsPolicyMissing: CheckDefinition = {
  rule: "permissions-policy-missing",
  pillar: "security",
  severity: "low",
  weight: 1,
  title: "No Permissions-Policy",
  scope: "page",
  run(ctx) {
    const page = documentPage(ctx.page);
    if (!page) return "n/a";
    if (page.responseHeaders["permissions-policy"] || page.responseHeaders["feature-policy"]) return [];
    return [
      fail(permissionsPolicyMissing, {
        url: page.url,
        key: "permissions-policy",
        siteWide: true,
        description: "Without a Permissions-Policy, every script and embedded frame on the page may ask for powerful features (camera, microphone, geolocation, payment). Denying the ones you don't use limits what a compromised third-party script can do.",
        fix: "Send a policy denying unused features, e.g. `Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()`.",
        evidence: "Permissions-Policy header absent.",
      }),
    ];
  },
};

const DISCLOSURE_HEADERS = ["server", "x-powered-by", "x-aspnet-version", "x-aspnetmvc-version", "x-generator", "x-drupal-cache-version"];

/** A header value that names software with a version number (Apache/2.4.41, PHP/7.4.3, 4.0.30319). */
function disclosesVersion(name: string, value: string): boolean {
  if (name === "x-aspnet-version" || name === "x-aspnetmvc-version") return true;
  return /\d+\.\d+/.test(value);
}

export const versionDisclosure: CheckDefinition = {
  rule: "server-version-disclosure",
  pillar: "security",
  severity: "low",
  weight: 1,
  title: "Server software version disclosed in headers",
  scope: "page",
  run(ctx) {
    const page = ctx.page && ctx.page.status !== null ? ctx.page : null;
    if (!page) return "n/a";
    const out: CheckResult[] = [];
    for (const name of DISCLOSURE_HEADERS) {
      const value = page.responseHeaders[name];
      if (!value || !disclosesVersion(name, value)) continue;
      out.push(
        fail(versionDisclosure, {
          url: page.url,
          key: name,
          siteWide: true,
          title: `Software version disclosed in the ${name} header`,
          description: `The ${name} header reveals the exact software version ("${value.slice(0, 100)}"). It tells an attacker which known vulnerabilities to try without any probing, and goes stale as soon as you fall behind on patches.`,
          fix:
            name === "server"
              ? "Hide the version: nginx `server_tokens off;`, Apache `ServerTokens Prod` + `ServerSignature Off`, IIS `removeServerHeader=\"true\"`."
              : name === "x-powered-by"
                ? "Remove X-Powered-By: PHP `expose_php = Off`, Express `app.disable('x-powered-by')`, or strip it at the proxy (nginx `proxy_hide_header X-Powered-By;`)."
                : `Remove the ${name} header (ASP.NET: <httpRuntime enableVersionHeader="false" />, MvcHandler.DisableMvcResponseHeader = true; or strip it at the proxy).`,
          evidence: `${name}: ${value.slice(0, 200)}`,
        }),
      );
    }
    return out;
  },
};

export const headerChecks = [
  hstsMissing,
  hstsWeak,
  clickjacking,
  noSniff,
  referrerPolicyMissing,
  referrerPolicyUnsafe,
  permissionsPolicyMissing,
  versionDisclosure,
];
