// The client address as far as a route handler can know it: Next.js passes no socket, but fills
// X-Forwarded-For with the socket address when the request has none. Behind a reverse proxy (the
// production setup) the proxy appends the address it saw, so the rightmost entry is the one to trust; a
// client that talks to Next.js directly can choose its own header, which is why per-IP limits assume a proxy.
export function clientIp(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for");
  const entries = forwarded?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  const ip = entries[entries.length - 1] ?? req.headers.get("x-real-ip") ?? "unknown";
  // IPv4-mapped IPv6 and the IPv4 form are one client.
  return ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}
