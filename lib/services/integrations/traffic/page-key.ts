// One key per page, whichever source names it: GA4 (hostName + pagePath), Search Console (the page URL) and
// the scanner (the URL it loaded) differ in scheme, `www.`, trailing slashes, queries and fragments.
// Key: lower-cased host without `www.` (port kept) + path without a trailing slash ("/" for the root).

export function pageKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  const host = u.host.toLowerCase().replace(/^www\./, "");
  let path = u.pathname.replace(/\/{2,}/g, "/");
  if (path.length > 1) path = path.replace(/\/+$/, "");
  const key = `${host}${path || "/"}`;
  return key.length <= 2000 ? key : null;
}

/** The host part of a key, to match it with a domain (`example.com` also covers `www.example.com`). */
export function domainKeyHost(domainHost: string): string {
  return domainHost.toLowerCase().replace(/^www\./, "");
}
