import { NextResponse, type NextRequest } from "next/server";
import { allowedMethods, isWellFormedPath } from "@/lib/http/api-routes";
import { API_MAX_BODY_BYTES } from "@/lib/http/body-limit";
import { plainErrorResponse } from "@/lib/http/envelope";
import { newRequestId } from "@/lib/http/request-id";
import {
  apiHeaders,
  badgeHeaders,
  isHttpsPublicUrl,
  newNonce,
  pageHeaders,
  type SecurityHeaderOptions,
} from "@/lib/http/security-headers";

// Runs before every page and /api/v1 request (see `config.matcher`):
//  - security headers on every response; pages get a Content-Security-Policy with a fresh nonce, handed to
//    Next.js through the request's own Content-Security-Policy header (it reads the nonce from there and
//    puts it on its scripts; the root layout reads headers(), so every page renders per request);
//  - /api/v1 requests that no route can answer get the API's envelope here: malformed %-escapes (400),
//    unknown paths (404), wrong methods (405 with Allow), bodies declared larger than the limit (413);
//  - visitors without any session cookie are sent to sign in before the dashboard renders (an optimistic
//    check only: every page runs the real one through requireMembership()).

// next-auth's session cookie, with the __Secure- prefix on HTTPS; large tokens are split into ".0", ".1", ….
const PATH_HEADER = "x-plumb-pathname";
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
const SIGNED_IN_AREAS = /^\/(o|organizations)(\/|$)/;

function headerOptions(): SecurityHeaderOptions {
  return { https: isHttpsPublicUrl(process.env.NEXTAUTH_URL), dev: process.env.NODE_ENV === "development" };
}

function withHeaders(res: NextResponse | Response, headers: Record<string, string>): NextResponse | Response {
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

function api(request: NextRequest, opts: SecurityHeaderOptions): NextResponse | Response {
  const pathname = request.nextUrl.pathname;
  const headers = pathname === "/api/v1/badge" ? badgeHeaders(opts) : apiHeaders(opts);
  const fail = (status: number, code: string, message: string, extra: Record<string, string> = {}) =>
    withHeaders(plainErrorResponse(status, code, message, newRequestId(), extra), headers);

  if (!isWellFormedPath(pathname)) return fail(400, "bad_request", "The path contains a malformed %-escape.");
  const allowed = allowedMethods(pathname);
  if (!allowed) return fail(404, "not_found", `No API route at ${pathname}.`);
  if (!allowed.includes(request.method)) {
    return fail(405, "method_not_allowed", `${request.method} is not allowed here; use ${allowed.join(", ")}.`, { Allow: allowed.join(", ") });
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > API_MAX_BODY_BYTES) {
    return fail(413, "payload_too_large", `The request body is larger than ${API_MAX_BODY_BYTES} bytes.`, { Connection: "close" });
  }
  return withHeaders(NextResponse.next(), headers);
}

export function proxy(request: NextRequest) {
  const opts = headerOptions();
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/v1/") || pathname === "/api/v1") return api(request, opts);
  if (pathname.startsWith("/api/")) return withHeaders(NextResponse.next(), apiHeaders(opts));

  const nonce = newNonce();
  const headers = pageHeaders(nonce, opts);
  if (SIGNED_IN_AREAS.test(pathname) && !request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return withHeaders(NextResponse.redirect(signIn), headers);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The path, for layouts that must answer a real 404 before a page's loading boundary starts streaming
  // (app/o/[orgSlug]/layout.tsx: the owners-only mail page). Always overwritten: a client cannot set it.
  requestHeaders.set(PATH_HEADER, pathname);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

export const config = {
  // Everything but build assets (immutable files; their nosniff & co. come from next.config.ts) and the
  // Inngest endpoint (machine to machine, with large signed bodies this proxy must not buffer).
  matcher: ["/((?!_next/static|_next/image|api/inngest).*)"],
};
