import { Resolver } from "node:dns/promises";
import { safeFetch, SafeFetchError, SafeFetchRedirectError, sameHostRedirect, SsrfError, type TargetPolicy } from "@/lib/net/ssrf";
import { findMetaContents } from "./find-meta-contents";
import { DNS_PREFIX, META_NAME, WELL_KNOWN_PATH, dnsName, domainOrigin } from "./verification-instructions";

// One function per ownership proof. Each answers { ok, reason } and never throws for what the site does:
// the site is untrusted (bodies are capped, fetches are SSRF-guarded and time-limited).
//
// The proof must be served by the domain's own origin: redirects are followed only on the same host (path
// changes, and http -> https on the default ports). Otherwise `http://a.example` answering
// `302 -> http://b.example` would let b.example's page prove a.example. Likewise a DNS name that is an alias
// (CNAME) of another host does not count: the TXT record would be the other host's.
export interface CheckOutcome {
  ok: boolean;
  reason: string;
  /**
   * The check could not reach a verdict (timeout, connection refused, 5xx, DNS server failure): the proof may
   * still be there. Re-verification does not drop a domain for these alone.
   */
  inconclusive?: boolean;
}

export interface CheckTarget {
  scheme: string;
  host: string;
  verifyToken: string;
}

export interface CheckOptions extends TargetPolicy {
  timeoutMs?: number;
}

const HOME_MAX_BYTES = 512 * 1024;
const FILE_MAX_BYTES = 4 * 1024;

function fetchFailure(what: string, url: string, err: unknown): CheckOutcome {
  if (err instanceof SsrfError) return { ok: false, reason: `${what}: refused, ${err.host} resolves to a private address.` };
  if (err instanceof SafeFetchRedirectError) {
    return {
      ok: false,
      reason: `${what}: refused to follow the redirect from ${err.from} to ${err.location}: ${err.message}. The proof must be served by the domain's own origin.`,
    };
  }
  if (err instanceof SafeFetchError) {
    const transient = err.code === "timeout" || err.code === "connection" || err.code === "dns";
    return { ok: false, reason: `${what}: ${url}: ${err.message}`, inconclusive: transient };
  }
  return { ok: false, reason: `${what}: request failed.`, inconclusive: true };
}

const fetchOptions = (opts: CheckOptions) => ({
  allowPrivate: opts.allowPrivate,
  allowedPrivateOrigins: opts.allowedPrivateOrigins,
  timeoutMs: opts.timeoutMs ?? 10_000,
  checkRedirect: sameHostRedirect,
});

function statusFailure(what: string, url: string, status: number): CheckOutcome {
  return { ok: false, reason: `${what}: ${url} answered HTTP ${status}.`, inconclusive: status >= 500 };
}

export async function checkMetaTag(d: CheckTarget, opts: CheckOptions): Promise<CheckOutcome> {
  const url = `${domainOrigin(d)}/`;
  try {
    const res = await safeFetch(url, { ...fetchOptions(opts), maxBytes: HOME_MAX_BYTES, headers: { Accept: "text/html" } });
    if (res.status < 200 || res.status >= 300) return statusFailure("meta", url, res.status);
    const contents = findMetaContents(res.body, META_NAME);
    if (contents.includes(d.verifyToken)) return { ok: true, reason: "meta tag found" };
    return {
      ok: false,
      reason: contents.length ? `meta: the ${META_NAME} tag on ${url} holds a different token.` : `meta: no ${META_NAME} tag in the <head> of ${url}.`,
    };
  } catch (err) {
    return fetchFailure("meta", url, err);
  }
}

export interface DnsCheckOptions {
  timeoutMs?: number;
  /** DNS servers ("ip" or "ip:port"); default: the system's (PLUMB_DNS_SERVERS in the server) */
  servers?: readonly string[];
}

// Answers that say the record is not there, as opposed to "could not ask".
const DNS_DEFINITIVE = new Set(["ENOTFOUND", "ENODATA", "NOTFOUND", "NODATA"]);

export async function checkDnsTxt(d: CheckTarget, opts: DnsCheckOptions = {}): Promise<CheckOutcome> {
  const name = dnsName(d.host);
  if (/^[\d.]+$/.test(name) || name.includes(":")) return { ok: false, reason: "dns: an IP address has no TXT records." };
  const resolver = new Resolver({ timeout: opts.timeoutMs ?? 4000, tries: 1 });
  if (opts.servers?.length) resolver.setServers([...opts.servers]);
  const failed = (err: unknown, what: string): CheckOutcome => {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    return { ok: false, reason: `dns: ${what} for ${name} failed (${code}).`, inconclusive: !DNS_DEFINITIVE.has(code) };
  };
  // A TXT query on an alias is answered with the target's records; they prove nothing about this name.
  try {
    const aliases = await resolver.resolveCname(name);
    if (aliases.length) {
      return {
        ok: false,
        reason: `dns: refused, ${name} is an alias (CNAME) of ${aliases[0]}; the TXT record must be on ${name} itself, not on another host.`,
      };
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "";
    if (!DNS_DEFINITIVE.has(code)) return failed(err, "CNAME lookup");
  }
  try {
    const records = await resolver.resolveTxt(name);
    const expected = `${DNS_PREFIX}${d.verifyToken}`;
    // A long TXT value arrives in 255-byte chunks: join them before comparing.
    if (records.some((chunks) => chunks.join("").trim() === expected)) return { ok: true, reason: "TXT record found" };
    return { ok: false, reason: `dns: no TXT record "${expected}" on ${name}.` };
  } catch (err) {
    return failed(err, "TXT lookup");
  }
}

export async function checkWellKnownFile(d: CheckTarget, opts: CheckOptions): Promise<CheckOutcome> {
  const url = `${domainOrigin(d)}${WELL_KNOWN_PATH}`;
  try {
    const res = await safeFetch(url, { ...fetchOptions(opts), maxBytes: FILE_MAX_BYTES, maxRedirects: 2 });
    if (res.status !== 200) return statusFailure("file", url, res.status);
    if (res.body.split(/\r?\n/).some((line) => line.trim() === d.verifyToken)) return { ok: true, reason: "file found" };
    return { ok: false, reason: `file: ${url} does not contain the token.` };
  } catch (err) {
    return fetchFailure("file", url, err);
  }
}
