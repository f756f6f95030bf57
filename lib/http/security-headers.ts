// The security headers of every response Plumb serves (pages, /api/v1, the badge), applied by proxy.ts.
// Pure functions without Next.js imports, so tests can check the policy text itself.

/** Features no Plumb page uses: denied to the page and to anything it could embed. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "bluetooth=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

export interface SecurityHeaderOptions {
  /** The public URL is https (NEXTAUTH_URL): send HSTS and upgrade stray http: subresources. */
  https: boolean;
  /** `next dev` evaluates code with eval() for fast refresh; production never gets 'unsafe-eval'. */
  dev?: boolean;
}

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The pages' policy. Scripts run only with this response's nonce ('strict-dynamic' lets Next.js's nonced
 * bootstrap load its chunks); no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline' because React
 * renders `style` attributes (charts, progress bars), which a nonce cannot cover; style injection cannot run
 * code under this policy.
 */
export function pageCsp(nonce: string, opts: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (opts.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** JSON and downloads: nothing to run, load or frame. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The badge SVG: opened directly it is a document that may only style itself. It is meant to be shown on
 * other sites as <img> (CSP frame-ancestors and X-Frame-Options do not apply to images), so it is served
 * with Cross-Origin-Resource-Policy: cross-origin (see badgeHeaders).
 */
export const BADGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** Headers every response gets, whatever its type. */
export function baseSecurityHeaders(opts: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // Two years, the preload list's minimum. Only over https: on plain http browsers ignore it anyway, and a
  // localhost install must not pin https for every other port of that host.
  if (opts.https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

export function pageHeaders(nonce: string, opts: SecurityHeaderOptions): Record<string, string> {
  return { ...baseSecurityHeaders(opts), "Content-Security-Policy": pageCsp(nonce, opts) };
}

export function apiHeaders(opts: SecurityHeaderOptions): Record<string, string> {
  return { ...baseSecurityHeaders(opts), "Content-Security-Policy": API_CSP };
}

export function badgeHeaders(opts: SecurityHeaderOptions): Record<string, string> {
  return { ...baseSecurityHeaders(opts), "Content-Security-Policy": BADGE_CSP, "Cross-Origin-Resource-Policy": "cross-origin" };
}

/** Whether the public URL is https (HSTS, upgrade-insecure-requests). */
export function isHttpsPublicUrl(publicUrl: string | undefined): boolean {
  return typeof publicUrl === "string" && /^https:\/\//i.test(publicUrl.trim());
}
