import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { secrets } from "@/lib/env";
import { verifyCredentials } from "./credentials";
import { signInClientIp } from "./sign-in-limits";
import { SIGN_IN_RATE_LIMITED } from "./sign-in-limit-codes";
import { acceptPendingInvitations } from "@/lib/services/members/accept-pending-invitations";

const THIRTY_DAYS = 30 * 24 * 60 * 60;

let cached: NextAuthOptions | undefined;

/**
 * next-auth configuration. Built on first use, not at import: the secret may be generated into the data
 * directory (embedded mode), which must not happen during `next build`.
 */
export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: secrets().nextauthSecret,
    session: { strategy: "jwt", maxAge: THIRTY_DAYS },
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
          try {
            const user = await verifyCredentials(credentials, undefined, signInClientIp(req.headers));
            if (!user) return null;
            // People who already had an account when they were invited join on their next sign-in.
            await acceptPendingInvitations({ userId: user.id, email: user.email });
            return { id: user.id, email: user.email, name: user.name };
          } catch (err) {
            // next-auth puts a thrown message into the redirect URL: only our own codes may go there.
            if (err instanceof Error && err.message === SIGN_IN_RATE_LIMITED) throw err;
            console.error("[auth] sign-in failed:", err);
            throw new Error("SignInUnavailable");
          }
        },
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => {
        if (user) token.sub = user.id;
        return token;
      },
      session: ({ session, token }) => {
        if (token.sub) session.user = { ...session.user, id: token.sub };
        return session;
      },
    },
  };
  return cached;
}
