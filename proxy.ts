import { NextResponse, type NextRequest } from "next/server";

// next-auth's session cookie, with the __Secure- prefix on HTTPS; large tokens are split into ".0", ".1", ….
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * An optimistic check only: visitors without any session cookie are sent to sign in before the dashboard
 * renders. The real check (a valid token for a user who is a member of that organization) runs on the
 * server in every page through requireMembership().
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/o", "/o/:path*", "/organizations/:path*"] };
