import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env, secrets } from "@/lib/env";
import { clientIpFromHeaderRecord } from "@/lib/http/client-ip";
import { endSession } from "@/lib/services/sessions/end-session";
import { findActiveSession } from "@/lib/services/sessions/find-active-session";
import { completeSignIn, SignInError, type SignedInUser } from "./sign-in-flow";
import { SignInThrottledError } from "./sign-in-limits";

let cached: NextAuthOptions | undefined;

function field(credentials: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = credentials?.[name];
  return typeof v === "string" && v.length > 0 && v.length <= 32_768 ? v : undefined;
}

/**
 * next-auth configuration. Built on first use, not at import: the secret may be generated into the data
 * directory (embedded mode), which must not happen during `next build`.
 *
 * Sessions are JWT cookies that name a Session row (`sid`); lib/auth/session.ts accepts a JWT only while that
 * row exists and is unexpired, so signing out (which deletes the row) ends the session on the server too.
 */
export function authOptions(): NextAuthOptions {
  const maxAge = env().PLUMB_SESSION_DAYS * 24 * 60 * 60;
  cached ??= {
    secret: secrets().nextauthSecret,
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: async (credentials, req) => {
          const c = credentials as Record<string, unknown> | undefined;
          const headers = req.headers as Record<string, unknown> | undefined;
          const ua = headers?.["user-agent"];
          try {
            const user = await completeSignIn(
              {
                email: field(c, "email"),
                password: field(c, "password"),
                pendingToken: field(c, "pendingToken"),
                code: field(c, "code"),
                recoveryCode: field(c, "recoveryCode"),
                passkey: field(c, "passkey"),
              },
              { ip: clientIpFromHeaderRecord(headers), userAgent: typeof ua === "string" ? ua : null },
            );
            return user;
          } catch (err) {
            // next-auth puts a thrown message into the redirect URL: only our own codes may go there.
            if (err instanceof SignInError || err instanceof SignInThrottledError) throw new Error(err.message);
            console.error("[auth] sign-in failed:", err);
            throw new Error("SignInUnavailable");
          }
        },
      }),
    ],
    callbacks: {
      jwt: async ({ token, user }) => {
        if (user) {
          token.sub = user.id;
          token.sid = (user as SignedInUser).sid;
          return token;
        }
        // Refreshing a cookie (/api/auth/session): only while its session row lives. Throwing makes next-auth
        // clear the cookie and answer "no session", so the browser learns at once that it was signed out.
        if (typeof token.sid !== "string" || !(await findActiveSession({ sid: token.sid }))) throw new Error("Session ended");
        return token;
      },
      // What /api/auth/session tells the browser: the user id, never the session id.
      session: ({ session, token }) => {
        if (token.sub) session.user = { ...session.user, id: token.sub };
        return session;
      },
    },
    events: {
      signOut: async ({ token }) => {
        const sid = (token as { sid?: unknown } | null)?.sid;
        if (typeof sid === "string") await endSession({ sid });
      },
    },
  };
  return cached;
}
