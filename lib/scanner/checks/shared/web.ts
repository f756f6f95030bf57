// URL and header helpers shared by checks. Registrable-domain logic is a small approximation of the
// Public Suffix List (the common multi-label suffixes), enough to tell first from third parties.
import type { Headers, PageArtifacts } from "../../types";

export function header(headers: Headers, name: string): string | undefined {
  return headers[name.toLowerCase()];
}

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function hostOf(url: string): string {
  return parseUrl(url)?.hostname.toLowerCase().replace(/^\[|\]$/g, "") ?? "";
}

export function isHttpsUrl(url: string): boolean {
  return parseUrl(url)?.protocol === "https:";
}

export function isHttpUrl(url: string): boolean {
  return parseUrl(url)?.protocol === "http:";
}

/** The page as it was finally served (after redirects). */
export function pageIsHttps(page: PageArtifacts): boolean {
  return isHttpsUrl(page.finalUrl || page.url);
}

const MULTI_LABEL_SUFFIXES = new Set([
  "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk",
  "com.au", "net.au", "org.au", "edu.au", "gov.au",
  "co.nz", "org.nz", "net.nz", "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp",
  "com.br", "net.br", "org.br", "gov.br", "com.cn", "net.cn", "org.cn", "gov.cn",
  "co.in", "net.in", "org.in", "firm.in", "gen.in", "ind.in", "co.za", "org.za", "gov.za",
  "com.mx", "org.mx", "com.ar", "com.tr", "org.tr", "com.sg", "com.hk", "com.tw", "co.kr", "or.kr",
  "co.il", "org.il", "com.my", "com.ph", "com.pl", "com.es", "com.ua", "co.id", "co.th",
  "github.io", "gitlab.io", "herokuapp.com", "netlify.app", "vercel.app", "pages.dev", "workers.dev",
  "web.app", "firebaseapp.com", "appspot.com", "azurewebsites.net", "cloudfront.net", "amazonaws.com",
  "blogspot.com", "wordpress.com", "myshopify.com", "fly.dev", "onrender.com", "glitch.me",
]);

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");
}

/** eTLD+1 of a host ("www.shop.example.co.uk" -> "example.co.uk"); IPs and single labels return themselves. */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, "");
  if (isIp(h)) return h;
  const labels = h.split(".");
  if (labels.length <= 2) return h;
  const lastTwo = labels.slice(-2).join(".");
  const lastThree = labels.slice(-3).join(".");
  if (MULTI_LABEL_SUFFIXES.has(lastTwo)) return labels.slice(-3).join(".");
  if (MULTI_LABEL_SUFFIXES.has(lastThree)) return labels.slice(-4).join(".");
  return lastTwo;
}

export function isThirdPartyUrl(url: string, pageUrl: string): boolean {
  const a = hostOf(url);
  const b = hostOf(pageUrl);
  if (!a || !b) return false;
  return registrableDomain(a) !== registrableDomain(b);
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === "localhost" || h.endsWith(".localhost") || /^127\./.test(h) || h === "::1" || h === "[::1]";
}

/** Strips query and fragment: what we put in keys and evidence for URLs that may carry tokens. */
export function urlWithoutQuery(url: string): string {
  const u = parseUrl(url);
  if (!u) return url.split(/[?#]/)[0];
  return `${u.origin}${u.pathname}`;
}

/**
 * The page under a page-scope check when it can be judged as an HTML document: it answered, and with HTML
 * (header checks about framing, CSP or sniffing mean nothing on a JSON or image response).
 */
export function documentPage(page: PageArtifacts | undefined): PageArtifacts | null {
  if (!page || page.status === null) return null;
  const type = page.responseHeaders["content-type"];
  if (type !== undefined && !/html|xml/i.test(type)) return null;
  return page;
}
