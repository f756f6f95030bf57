// The one private origin Plumb trusts without PLUMB_ALLOW_PRIVATE_TARGETS: its own bundled sample site
// (lib/sample-site), served by this process on a loopback port. Exact origin only (scheme, host and port):
// every other port on the loopback stays refused. Kept on globalThis because Next.js may bundle this module
// more than once (instrumentation and route bundles) and all copies must see the origin the boot recorded.
const g = globalThis as unknown as { __plumbSampleOrigin?: string | null };

/** Records the sample site's origin ("http://127.0.0.1:PORT"); null forgets it. */
export function setSampleSiteOrigin(origin: string | null): void {
  g.__plumbSampleOrigin = origin === null ? null : new URL(origin).origin;
}

export function sampleSiteOrigin(): string | null {
  return g.__plumbSampleOrigin ?? null;
}

/** True when `url` (or "host:port" with a scheme-less form) is exactly the sample site's origin. */
export function isSampleSiteOrigin(url: string | URL): boolean {
  const origin = g.__plumbSampleOrigin;
  if (!origin) return false;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Proxy form: CONNECT or absolute-URL requests know host and port only; the sample site speaks plain http. */
export function isSampleSiteHostPort(host: string, port: string | number): boolean {
  const origin = g.__plumbSampleOrigin;
  if (!origin) return false;
  const u = new URL(origin);
  const effectivePort = u.port || (u.protocol === "https:" ? "443" : "80");
  return u.hostname === host.replace(/^\[|\]$/g, "").toLowerCase() && effectivePort === String(port);
}
