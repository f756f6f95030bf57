import { Resolver } from "node:dns/promises";
import { safeFetch, SafeFetchError, SsrfError } from "@/lib/net/ssrf";
import { findMetaContents } from "./find-meta-contents";
import { DNS_PREFIX, META_NAME, WELL_KNOWN_PATH, dnsName, domainOrigin } from "./verification-instructions";

// One function per ownership proof. Each answers { ok, reason } and never throws for what the site does:
// the site is untrusted (bodies are capped, fetches are SSRF-guarded and time-limited).

export interface CheckOutcome {
  ok: boolean;
  reason: string;
}

export interface CheckTarget {
  scheme: string;
  host: string;
  verifyToken: string;
}

export interface CheckOptions {
  allowPrivate: boolean;
  timeoutMs?: number;
}

const HOME_MAX_BYTES = 512 * 1024;
const FILE_MAX_BYTES = 4 * 1024;

function fetchFailure(what: string, err: unknown): CheckOutcome {
  if (err instanceof SsrfError) return { ok: false, reason: `${what}: refused, the host resolves to a private address.` };
  if (err instanceof SafeFetchError) return { ok: false, reason: `${what}: ${err.message}` };
  return { ok: false, reason: `${what}: request failed.` };
}

export async function checkMetaTag(d: CheckTarget, opts: CheckOptions): Promise<CheckOutcome> {
  const url = `${domainOrigin(d)}/`;
  try {
    const res = await safeFetch(url, { allowPrivate: opts.allowPrivate, timeoutMs: opts.timeoutMs ?? 10_000, maxBytes: HOME_MAX_BYTES, headers: { Accept: "text/html" } });
    if (res.status < 200 || res.status >= 300) return { ok: false, reason: `meta: ${url} answered HTTP ${res.status}.` };
    const contents = findMetaContents(res.body, META_NAME);
    if (contents.includes(d.verifyToken)) return { ok: true, reason: "meta tag found" };
    return {
      ok: false,
      reason: contents.length ? `meta: the ${META_NAME} tag on ${url} holds a different token.` : `meta: no ${META_NAME} tag in the <head> of ${url}.`,
    };
  } catch (err) {
    return fetchFailure("meta", err);
  }
}

export async function checkDnsTxt(d: CheckTarget, opts: { timeoutMs?: number } = {}): Promise<CheckOutcome> {
  const name = dnsName(d.host);
  if (/^[\d.]+$/.test(name) || name.includes(":")) return { ok: false, reason: "dns: an IP address has no TXT records." };
  const resolver = new Resolver({ timeout: opts.timeoutMs ?? 4000, tries: 1 });
  try {
    const records = await resolver.resolveTxt(name);
    const expected = `${DNS_PREFIX}${d.verifyToken}`;
    // A long TXT value arrives in 255-byte chunks: join them before comparing.
    if (records.some((chunks) => chunks.join("").trim() === expected)) return { ok: true, reason: "TXT record found" };
    return { ok: false, reason: `dns: no TXT record "${expected}" on ${name}.` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    return { ok: false, reason: `dns: TXT lookup for ${name} failed (${code}).` };
  }
}

export async function checkWellKnownFile(d: CheckTarget, opts: CheckOptions): Promise<CheckOutcome> {
  const url = `${domainOrigin(d)}${WELL_KNOWN_PATH}`;
  try {
    const res = await safeFetch(url, { allowPrivate: opts.allowPrivate, timeoutMs: opts.timeoutMs ?? 10_000, maxBytes: FILE_MAX_BYTES, maxRedirects: 2 });
    if (res.status !== 200) return { ok: false, reason: `file: ${url} answered HTTP ${res.status}.` };
    if (res.body.split(/\r?\n/).some((line) => line.trim() === d.verifyToken)) return { ok: true, reason: "file found" };
    return { ok: false, reason: `file: ${url} does not contain the token.` };
  } catch (err) {
    return fetchFailure("file", err);
  }
}
