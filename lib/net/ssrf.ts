// SSRF guard: decides whether an address is private, resolves hosts and checks every address, and fetches
// with redirects followed by hand so each hop is checked after DNS. The connection is pinned to the address
// we checked (custom `lookup`), so a DNS answer that changes between check and connect (rebinding) cannot
// smuggle a private address in.
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import zlib from "node:zlib";
import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";

export class SsrfError extends Error {
  readonly code = "private_address";
  constructor(
    message: string,
    readonly host: string,
    readonly address?: string,
  ) {
    super(message);
    this.name = "SsrfError";
  }
}

export type SafeFetchErrorCode = "invalid_url" | "dns" | "timeout" | "connection" | "too_many_redirects" | "redirect_refused" | "aborted";

export class SafeFetchError extends Error {
  constructor(
    message: string,
    readonly code: SafeFetchErrorCode,
  ) {
    super(message);
    this.name = "SafeFetchError";
  }
}

/** A redirect that `checkRedirect` refused; `location` is where it pointed. */
export class SafeFetchRedirectError extends SafeFetchError {
  constructor(
    message: string,
    readonly from: string,
    readonly location: string,
  ) {
    super(message, "redirect_refused");
    this.name = "SafeFetchRedirectError";
  }
}

// ---------- address classification ----------

function parseIPv4(ip: string): number[] | null {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/** 16 bytes of an IPv6 address (handles "::" and a trailing dotted IPv4), or null. */
function parseIPv6(ip: string): number[] | null {
  let s = ip.replace(/^\[|\]$/g, "");
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (net.isIPv6(s) === false) return null;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(":");
  const maybeV4 = s.slice(lastColon + 1);
  if (maybeV4.includes(".")) {
    const v4 = parseIPv4(maybeV4);
    if (!v4) return null;
    tail = v4;
    s = s.slice(0, lastColon + 1) + "0:0";
  }
  const [head, rest] = s.includes("::") ? s.split("::") : [s, undefined];
  const headGroups = head ? head.split(":").filter((g) => g !== "") : [];
  const restGroups = rest !== undefined && rest !== "" ? rest.split(":") : [];
  const missing = 8 - headGroups.length - restGroups.length;
  if (rest === undefined && missing !== 0) return null;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill("0"), ...restGroups];
  if (groups.length !== 8) return null;
  const bytes: number[] = [];
  for (const g of groups) {
    const n = parseInt(g, 16);
    bytes.push((n >> 8) & 0xff, n & 0xff);
  }
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function v4InRange(ip: number[], base: number[], bits: number): boolean {
  for (let i = 0; i < 4; i++) {
    const maskBits = Math.max(0, Math.min(8, bits - i * 8));
    const mask = maskBits === 0 ? 0 : (0xff << (8 - maskBits)) & 0xff;
    if ((ip[i] & mask) !== (base[i] & mask)) return false;
  }
  return true;
}

const PRIVATE_V4: [number[], number][] = [
  [[0, 0, 0, 0], 8], // "this network"
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10], // CGNAT
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16], // link-local incl. cloud metadata 169.254.169.254
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // TEST-NET-1
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // TEST-NET-2
  [[203, 0, 113, 0], 24], // TEST-NET-3
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved + broadcast
];

function isPrivateV4(b: number[]): boolean {
  return PRIVATE_V4.some(([base, bits]) => v4InRange(b, base, bits));
}

function isPrivateV6(b: number[]): boolean {
  const zeroPrefix = (n: number) => b.slice(0, n).every((x) => x === 0);
  if (b.every((x) => x === 0)) return true; // ::
  if (zeroPrefix(15) && b[15] === 1) return true; // ::1
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d: judge the embedded IPv4.
  if (zeroPrefix(10) && b[10] === 0xff && b[11] === 0xff) return isPrivateV4(b.slice(12));
  if (zeroPrefix(12)) return isPrivateV4(b.slice(12));
  // NAT64 64:ff9b::/96 and 64:ff9b:1::/48 carry an IPv4 in the low 32 bits.
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) return isPrivateV4(b.slice(12));
  // 6to4 2002:AABB:CCDD::/16 embeds an IPv4 in bytes 2..5.
  if (b[0] === 0x20 && b[1] === 0x02) return isPrivateV4(b.slice(2, 6));
  if ((b[0] & 0xfe) === 0xfc) return true; // fc00::/7 unique local
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0x80) return true; // fe80::/10 link-local
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0xc0) return true; // fec0::/10 site-local (deprecated)
  if (b[0] === 0xff) return true; // multicast
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return true; // 2001:db8::/32 docs
  if (b[0] === 0x01 && b[1] === 0x00 && b.slice(2, 8).every((x) => x === 0)) return true; // 100::/64 discard
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x00 && b[3] === 0x00) return true; // 2001::/32 Teredo
  return false;
}

/** True for any address a server-side fetch must not reach. Unparseable input counts as private (fail closed). */
export function isPrivateAddress(ip: string): boolean {
  const v4 = parseIPv4(ip);
  if (v4) return isPrivateV4(v4);
  const v6 = parseIPv6(ip);
  if (v6) return isPrivateV6(v6);
  return true;
}

// ---------- host resolution ----------

export interface ResolvedHost {
  address: string;
  family: 4 | 6;
  all: { address: string; family: 4 | 6 }[];
}

export async function resolveHost(hostname: string): Promise<ResolvedHost> {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(bare)) {
    const family = net.isIP(bare) as 4 | 6;
    return { address: bare, family, all: [{ address: bare, family }] };
  }
  let all: { address: string; family: number }[];
  try {
    all = await dns.lookup(bare, { all: true, verbatim: true });
  } catch (err) {
    throw new SafeFetchError(`Cannot resolve ${bare}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, "dns");
  }
  if (all.length === 0) throw new SafeFetchError(`Cannot resolve ${bare}: no addresses`, "dns");
  const typed = all.map((a) => ({ address: a.address, family: (a.family === 6 ? 6 : 4) as 4 | 6 }));
  return { address: typed[0].address, family: typed[0].family, all: typed };
}

// ---------- private targets allowed one by one ----------

/**
 * One entry of PLUMB_PRIVATE_TARGET_ALLOWLIST: an exact origin whose private address may be reached.
 * `scheme` null means the entry matches http and https alike.
 */
export interface PrivateOrigin {
  scheme: "http" | "https" | null;
  /** normalised as the WHATWG URL parser does: lower-case, IPv4 canonical, IPv6 in brackets */
  hostname: string;
  port: number;
}

/** What a fetch may reach besides public addresses: everything (allowPrivate) or a few exact origins. */
export interface TargetPolicy {
  allowPrivate?: boolean;
  allowedPrivateOrigins?: readonly PrivateOrigin[];
}

const DEFAULT_PORT: Record<string, number> = { "http:": 80, "https:": 443, http: 80, https: 443 };

/**
 * Parses `host:port,scheme://host[:port],…`. Matching rules (README, configuration table):
 * - the host is compared exactly after URL normalisation (case-insensitive, no wildcards, no subdomains;
 *   `localhost:3000` does not allow `127.0.0.1:3000`, list both if both are used);
 * - the port is compared exactly; without a scheme the port is required, with a scheme it defaults to 80/443;
 * - the scheme is optional: without it the entry allows http and https on that host and port, with it only that
 *   scheme (inside the scanner's browser a CONNECT tunnel counts as https);
 * - no path, user or query. Throws a RangeError naming the first bad entry.
 */
export function parsePrivateTargetAllowlist(value: string | undefined): PrivateOrigin[] {
  if (!value) return [];
  const out: PrivateOrigin[] = [];
  for (const raw of value.split(",").map((e) => e.trim()).filter(Boolean)) {
    const m = /^(?:(https?):\/\/)?(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)(?::(\d{1,5}))?\/?$/i.exec(raw);
    if (!m) throw new RangeError(`"${raw}" is not host:port or scheme://host:port`);
    const scheme = m[1] ? (m[1].toLowerCase() as "http" | "https") : null;
    if (!scheme && !m[3]) throw new RangeError(`"${raw}" needs a port (host:port), or a scheme (http://host)`);
    const port = m[3] ? Number(m[3]) : DEFAULT_PORT[scheme!];
    if (port < 1 || port > 65535) throw new RangeError(`"${raw}" has an invalid port`);
    let hostname: string;
    try {
      hostname = new URL(`http://${m[2]}`).hostname;
    } catch {
      throw new RangeError(`"${raw}" has an invalid host`);
    }
    out.push({ scheme, hostname, port });
  }
  return out;
}

/** Whether `target` (scheme, host name, port) is one of the allowed private origins. */
export function isAllowedPrivateOrigin(
  allowed: readonly PrivateOrigin[] | undefined,
  target: { scheme: string | null; hostname: string; port: number },
): boolean {
  if (!allowed?.length) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${target.hostname.includes(":") && !target.hostname.startsWith("[") ? `[${target.hostname}]` : target.hostname}`).hostname;
  } catch {
    return false;
  }
  const scheme = target.scheme?.replace(/:$/, "").toLowerCase() ?? null;
  return allowed.some((o) => o.hostname === hostname && o.port === target.port && (o.scheme === null || o.scheme === scheme));
}

/** The port a URL connects to (explicit or the scheme's default). */
export function effectivePort(url: URL): number {
  return url.port ? Number(url.port) : (DEFAULT_PORT[url.protocol] ?? 0);
}

export interface AssertHostOptions extends TargetPolicy {
  /** with `port` (and optionally `scheme`), an allow-listed origin may resolve to a private address */
  port?: number;
  scheme?: string;
}

/**
 * Resolves `hostname` and throws SsrfError unless every address is public, or private targets are allowed
 * (globally, or for this exact origin). Returns the resolution so callers can pin the connection to it.
 */
export async function assertPublicHost(hostname: string, opts: AssertHostOptions = {}): Promise<ResolvedHost> {
  const resolved = await resolveHost(hostname);
  const exempt =
    opts.allowPrivate === true ||
    (opts.port !== undefined && isAllowedPrivateOrigin(opts.allowedPrivateOrigins, { scheme: opts.scheme ?? null, hostname, port: opts.port }));
  if (!exempt) {
    const bad = resolved.all.find((a) => isPrivateAddress(a.address));
    if (bad) throw new SsrfError(`${hostname} resolves to a private address (${bad.address})`, hostname, bad.address);
  }
  return resolved;
}

/**
 * Redirect rule for ownership proofs: the proof must come from the domain's own origin. Same host name and
 * port, or the plain-HTTP origin upgrading to HTTPS on the default ports; any path. Returns why not, or null.
 */
export function sameHostRedirect(from: URL, to: URL): string | null {
  if (from.hostname === to.hostname) {
    if (from.protocol === to.protocol && effectivePort(from) === effectivePort(to)) return null;
    if (from.protocol === "http:" && to.protocol === "https:" && effectivePort(from) === 80 && effectivePort(to) === 443) return null;
    if (from.protocol === "http:" && to.protocol === "https:") return `it redirects to ${to.origin}, another port`;
    if (from.protocol !== to.protocol) return `it redirects from ${from.protocol.slice(0, -1)} to ${to.protocol.slice(0, -1)}`;
    return `it redirects to ${to.origin}, another port`;
  }
  return `it redirects to another host (${to.host})`;
}

// ---------- fetching ----------

export interface SafeFetchOptions extends TargetPolicy {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number; // whole request including redirects; default 10 s
  maxBytes?: number; // decoded body cap; default 1 MB
  maxRedirects?: number; // default 5
  /**
   * Called before following each redirect; a returned string refuses it (SafeFetchError "redirect_refused"
   * with that reason). Each hop is SSRF-checked regardless.
   */
  checkRedirect?: (from: URL, to: URL) => string | null;
  signal?: AbortSignal;
}

export interface SafeFetchResponse {
  status: number;
  /** lower-cased names; repeated headers joined with "\n" */
  headers: Record<string, string>;
  body: string;
  bodyBytes: number;
  truncated: boolean;
  finalUrl: string;
  redirects: { url: string; status: number; location: string }[];
  remoteAddress: string;
}

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join("\n") : v;
  }
  return out;
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch ((encoding ?? "").trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

interface HopResult {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
  remoteAddress: string;
}

function requestOnce(url: URL, pinned: ResolvedHost, opts: SafeFetchOptions, method: string, body: string | undefined, signal: AbortSignal, maxBytes: number): Promise<HopResult> {
  // Node may call lookup with {all: true} (autoSelectFamily); answer in both shapes, always the checked address.
  const lookup = ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (options && options.all) cb(null, [{ address: pinned.address, family: pinned.family }]);
    else cb(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
  const mod = url.protocol === "https:" ? https : http;
  return new Promise<HopResult>((resolve, reject) => {
    const req = mod.request(
      url,
      {
        method,
        lookup,
        signal,
        headers: {
          "user-agent": "Plumb/0.1 (+https://github.com/plumb)",
          accept: "*/*",
          "accept-encoding": "gzip, deflate, br",
          ...opts.headers,
        },
        // Certificates are not ours to judge here; TLS validity is a check, not a fetch failure.
        rejectUnauthorized: false,
      },
      (res) => {
        const headers = flattenHeaders(res.headers);
        const remoteAddress = res.socket?.remoteAddress ?? pinned.address;
        const decoder = method === "HEAD" ? null : decoderFor(headers["content-encoding"]);
        const stream: Readable = decoder ? res.pipe(decoder) : res;
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const finish = () => resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks), truncated, remoteAddress });
        stream.on("data", (chunk: Buffer) => {
          if (truncated) return;
          const room = maxBytes - size;
          if (chunk.length >= room) {
            chunks.push(chunk.subarray(0, room));
            size = maxBytes;
            truncated = true;
            res.destroy();
            finish();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        stream.on("end", () => { if (!truncated) finish(); });
        stream.on("error", (err) => {
          // A body cut short still tells us the status and headers; keep what arrived.
          if (!truncated) {
            truncated = chunks.length > 0;
            if (truncated) finish();
            else reject(err);
          }
        });
        res.on("aborted", () => { if (!truncated) finish(); });
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * Fetches `url` following up to maxRedirects redirects by hand; every hop is resolved, checked (unless
 * allowPrivate) and connected to the checked address. Never throws for HTTP statuses.
 */
export async function safeFetch(url: string, opts: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxBytes = opts.maxBytes ?? 1_000_000;
  const maxRedirects = opts.maxRedirects ?? 5;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new SafeFetchError(`Timed out after ${timeoutMs} ms`, "timeout")), timeoutMs);
  const onOuterAbort = () => controller.abort(new SafeFetchError("Aborted", "aborted"));
  if (opts.signal) {
    if (opts.signal.aborted) onOuterAbort();
    else opts.signal.addEventListener("abort", onOuterAbort, { once: true });
  }
  let method = (opts.method ?? "GET").toUpperCase();
  let body = opts.body;
  const redirects: SafeFetchResponse["redirects"] = [];
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    clearTimeout(timer);
    throw new SafeFetchError(`Invalid URL: ${url}`, "invalid_url");
  }
  try {
    for (let hop = 0; ; hop++) {
      if (current.protocol !== "http:" && current.protocol !== "https:") {
        throw new SafeFetchError(`Unsupported scheme ${current.protocol}`, "invalid_url");
      }
      // Every hop, not just the first: an allowed origin may redirect to 169.254.169.254 or loopback.
      const pinned = await raceAbort(
        assertPublicHost(current.hostname, {
          allowPrivate: opts.allowPrivate,
          allowedPrivateOrigins: opts.allowedPrivateOrigins,
          scheme: current.protocol,
          port: effectivePort(current),
        }),
        controller.signal,
      );
      let res: HopResult;
      try {
        res = await requestOnce(current, pinned, opts, method, body, controller.signal, maxBytes);
      } catch (err) {
        if (controller.signal.aborted) throw controller.signal.reason;
        const code = (err as NodeJS.ErrnoException).code ?? "";
        throw new SafeFetchError(`Cannot connect to ${current.host}: ${code || String(err)}`, "connection");
      }
      const location = res.headers["location"];
      if ([301, 302, 303, 307, 308].includes(res.status) && location) {
        if (hop >= maxRedirects) throw new SafeFetchError(`More than ${maxRedirects} redirects`, "too_many_redirects");
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new SafeFetchError(`Invalid redirect Location from ${current.host}`, "invalid_url");
        }
        const refused = opts.checkRedirect?.(current, next);
        if (refused) throw new SafeFetchRedirectError(refused, current.toString(), next.toString());
        redirects.push({ url: current.toString(), status: res.status, location: next.toString() });
        if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === "POST")) {
          method = "GET";
          body = undefined;
        }
        current = next;
        continue;
      }
      return {
        status: res.status,
        headers: res.headers,
        body: res.body.toString("utf8"),
        bodyBytes: res.body.length,
        truncated: res.truncated,
        finalUrl: current.toString(),
        redirects,
        remoteAddress: res.remoteAddress,
      };
    }
  } catch (err) {
    if (err instanceof SsrfError || err instanceof SafeFetchError) throw err;
    if (controller.signal.aborted && controller.signal.reason instanceof SafeFetchError) throw controller.signal.reason;
    throw new SafeFetchError(String(err), "connection");
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onOuterAbort);
  }
}

function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => { signal.removeEventListener("abort", onAbort); resolve(v); },
      (e) => { signal.removeEventListener("abort", onAbort); reject(e); },
    );
  });
}

/** Whether private targets are allowed server-side (PLUMB_ALLOW_PRIVATE_TARGETS=1). */
export function allowPrivateFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PLUMB_ALLOW_PRIVATE_TARGETS === "1" || env.PLUMB_ALLOW_PRIVATE_TARGETS === "true";
}
