import { env } from "@/lib/env";

// The client address, for sign-in limits and rate limits.
//
// Next.js gives route handlers no socket, and it only fills X-Forwarded-For with the socket address when the
// request arrived without one, so a client talking to `next start` directly could pick its own address. Plumb
// therefore serves through scripts/serve.mjs, which writes the TCP peer address into SOCKET_IP_HEADER on every
// request (overwriting anything a client sent under that name) and marks the process so that this module knows
// the header is trustworthy. From there PLUMB_TRUSTED_PROXY_HOPS decides:
//   0   the peer is the client; X-Forwarded-For is ignored entirely (a client can write anything there);
//   N   N reverse proxies of ours append to X-Forwarded-For; the client is the N-th address counted from the
//       right of [X-Forwarded-For…, peer] excluding the peer itself, i.e. what our outermost proxy saw.
// Without the marker (`next dev`, a bare `next start`) the rightmost X-Forwarded-For entry stands in for the
// peer: Next.js put it there unless the client sent its own, so limits there assume a trusted proxy.
export const SOCKET_IP_HEADER = "x-plumb-socket-ip";
const MARKER = Symbol.for("plumb.socketIpHeader");

type HeaderGetter = (name: string) => string | null | undefined;

function normalise(ip: string): string {
  // IPv4-mapped IPv6 and the IPv4 form are one client.
  return ip.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}

function socketHeaderTrusted(): boolean {
  return (globalThis as Record<symbol, unknown>)[MARKER] === true;
}

/** The client address from request headers, given how many proxy hops to trust (default: PLUMB_TRUSTED_PROXY_HOPS). */
export function clientIpFromHeaders(get: HeaderGetter, hops: number = env().PLUMB_TRUSTED_PROXY_HOPS): string {
  const forwarded = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let peer: string | undefined;
  if (socketHeaderTrusted()) {
    peer = get(SOCKET_IP_HEADER) ?? undefined;
  } else {
    // Next.js' own fallback: X-Forwarded-For ended with the socket address when the client sent none.
    peer = forwarded.pop() ?? get("x-real-ip") ?? undefined;
  }
  if (!peer) return "unknown";
  if (hops <= 0) return normalise(peer);
  // [peer, rightmost forwarded, …]: each trusted hop vouches for the address one step further out. With fewer
  // entries than hops, the outermost address we have is the best we know.
  const chain = [peer, ...forwarded.reverse()];
  return normalise(chain[Math.min(hops, chain.length - 1)]);
}

export function clientIp(req: Request, hops?: number): string {
  return clientIpFromHeaders((name) => req.headers.get(name), hops);
}

/** next-auth hands authorize() the request headers as a plain object. */
export function clientIpFromHeaderRecord(headers: Record<string, unknown> | undefined, hops?: number): string {
  return clientIpFromHeaders((name) => {
    const v = headers?.[name];
    return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v.join(", ") : undefined;
  }, hops);
}
