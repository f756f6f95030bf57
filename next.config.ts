import type { NextConfig } from "next";

const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy":
    "accelerometer=(), autoplay=(), bluetooth=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), xr-spatial-tracking=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

const nextConfig: NextConfig = {
  // Native/WASM and browser-driving packages must stay outside the server bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "pg",
    "pg-boss",
    "puppeteer-core",
    "axe-core",
    "@node-rs/argon2",
    "lighthouse",
  ],
  poweredByHeader: false,
  // proxy.ts sets the security headers of pages and the API at request time (nonces, HSTS from NEXTAUTH_URL);
  // these cover what it does not see, the build's static files. HSTS is left to proxy.ts (a runtime setting).
  async headers() {
    // The same values as baseSecurityHeaders() in lib/http/security-headers.ts (a test keeps them equal).
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
  experimental: {
    // With a proxy Next.js buffers request bodies for it, 10 MB each by default, and past this size reads the
    // rest and drops it (together with the chunk that crossed the line). Twice the API's limit
    // (API_MAX_BODY_BYTES in lib/http/body-limit.ts) keeps that memory small while still handing a route more
    // than the limit of any oversized body, which lib/http/define-route.ts then answers 413.
    proxyClientMaxBodySize: 2 * 1_048_576,
  },
  // `next start` of a build snapshot (test/support/server.ts); builds always go to .next.
  distDir: process.env.PLUMB_NEXT_DIST_DIR || ".next",
  // The test server (test/support/server.ts) builds with PLUMB_BUILD_SKIP_TYPECHECK=1: `npm run typecheck`
  // is the type gate, and a test build should not wait for (or fail on) a whole-project tsc run.
  typescript: { ignoreBuildErrors: process.env.PLUMB_BUILD_SKIP_TYPECHECK === "1" },
};

export default nextConfig;
