// URL and header helpers shared by checks. First/third party is decided on registrable domains (eTLD+1),
// the same rule gather uses.
import { getDomain } from "tldts-icann";
import type { Headers, PageArtifacts, ScriptFact } from "../../types";

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

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");
}

/** eTLD+1 from the ICANN Public Suffix List ("www.shop.example.co.uk" -> "example.co.uk"); IPs and single labels return themselves. */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/^\.+/, "").replace(/\.$/, "");
  if (isIp(h)) return h;
  return getDomain(h, { allowPrivateDomains: false }) ?? h;
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

const JS_TYPES = /^(|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript|text\/jscript|application\/x-javascript)$/i;

/**
 * Whether the browser runs a <script>: consent managers park scripts as type="text/plain" until the
 * visitor opts in, and those must not count as loaded.
 */
export function isExecutableScript(s: Pick<ScriptFact, "type">): boolean {
  return JS_TYPES.test((s.type ?? "").split(";")[0].trim());
}
