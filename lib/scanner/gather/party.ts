// First- vs third-party: registrable domains (eTLD+1 from the ICANN Public Suffix List) differ.
// IPs and single-label hosts (localhost) have no registrable domain: the host itself is compared.
import { getDomain } from "tldts-icann";

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, "");
  } catch {
    return "";
  }
}

export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/^\.+/, "").replace(/\.$/, "");
  return getDomain(h, { allowPrivateDomains: false }) ?? h;
}

export function isThirdParty(url: string, pageUrl: string): boolean {
  if (!/^(https?|wss?):/i.test(url)) return false; // data:, blob:, about: belong to the page
  const a = hostOf(url);
  const b = hostOf(pageUrl);
  if (!a || !b) return false;
  return siteOf(a) !== siteOf(b);
}

/** A cookie's domain attribute (".example.com" or host-only "example.com") against the page. */
export function isThirdPartyCookieDomain(cookieDomain: string, pageUrl: string): boolean {
  const b = hostOf(pageUrl);
  if (!b) return false;
  return siteOf(cookieDomain) !== siteOf(b);
}
