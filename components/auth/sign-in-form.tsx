"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { signIn } from "next-auth/react";
import { Alert, Button, TextField, useHydrated } from "@/components/ui";
import { SIGN_IN_RATE_LIMITED } from "@/lib/auth/sign-in-limit-codes";

type SignInState =
  | { status: "idle" }
  | { status: "failed"; message: string; email: string }
  | { status: "signed-in" };

function initialState(error?: string): SignInState {
  return error ? { status: "failed", message: error, email: "" } : { status: "idle" };
}

export function SignInForm({ callbackPath, initialError }: { callbackPath: string; initialError?: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [state, formAction, pending] = useActionState(async (_prev: SignInState, formData: FormData): Promise<SignInState> => {
    const email = String(formData.get("email") ?? "");
    const password = String(formData.get("password") ?? "");
    if (!email.trim() || !password) {
      return { status: "failed", message: "Enter your email and password.", email };
    }
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result?.ok) {
      // next-auth reports a refused password as "CredentialsSignin" and an error thrown by authorize() by
      // its message; anything else is server trouble.
      const message =
        !result || result.error === "CredentialsSignin"
          ? "Incorrect email or password. Check them and try again."
          : result.error === SIGN_IN_RATE_LIMITED
            ? "Too many sign-in attempts. Wait 15 minutes and try again."
            : "Signing in is not working right now. Please try again in a moment.";
      return { status: "failed", message, email };
    }
    router.push(callbackPath);
    router.refresh();
    return { status: "signed-in" };
  }, initialState(initialError));

  const failed = state.status === "failed" ? state : undefined;
  const busy = pending || state.status === "signed-in";

  return (
    <form action={formAction} noValidate className="space-y-5">
      {failed ? (
        <Alert tone="danger" id="sign-in-error">
          {failed.message}
        </Alert>
      ) : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={failed?.email}
        aria-describedby={failed ? "sign-in-error" : undefined}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        aria-describedby={failed ? "sign-in-error" : undefined}
      />
      <Button type="submit" className="w-full" size="lg" loading={busy} disabled={!hydrated}>
        {busy ? "Signing in…" : "Sign in"}
      </Button>
      <noscript>
        <p className="text-sm text-slate-700">Plumb needs JavaScript enabled to sign in.</p>
      </noscript>
    </form>
  );
}
