"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { startAuthentication } from "@simplewebauthn/browser";
import { Alert, Button, TextField, useHydrated } from "@/components/ui";
import { SECOND_FACTOR_INVALID, SIGN_IN_EXPIRED, SIGN_IN_RATE_LIMITED, TWO_FACTOR_REQUIRED } from "@/lib/auth/sign-in-limit-codes";

interface SecondFactors {
  totp: boolean;
  passkey: boolean;
  recovery: boolean;
}

type Step = { kind: "password" } | { kind: "second-factor"; pendingToken: string; factors: SecondFactors; mode: "totp" | "recovery" };

interface Envelope<T> {
  data: T | null;
  error: { code: string; message: string; retry_after?: number } | null;
}

const UNAVAILABLE = "Signing in is not working right now. Please try again in a moment.";

function minutes(seconds?: number): string {
  if (!seconds || seconds < 90) return "a minute";
  return `${Math.ceil(seconds / 60)} minutes`;
}

function messageFor(code: string | null | undefined): string {
  switch (code) {
    case "CredentialsSignin":
      return "Incorrect email or password. Check them and try again.";
    case SIGN_IN_RATE_LIMITED:
      return "Too many sign-in attempts. Wait a few minutes and try again.";
    case SECOND_FACTOR_INVALID:
      return "That did not work. Check the code (or try your passkey again) and retry.";
    case SIGN_IN_EXPIRED:
      return "This sign-in has expired. Enter your password again.";
    case TWO_FACTOR_REQUIRED:
      return "This account uses two-factor sign-in. Enter your password again to continue.";
    default:
      return UNAVAILABLE;
  }
}

async function postJson<T>(url: string, body: unknown): Promise<{ status: number; body: Envelope<T> | null }> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => null)) as Envelope<T> | null;
  return { status: res.status, body: json };
}

export function SignInForm({ callbackPath, initialError, defaultEmail }: { callbackPath: string; initialError?: string; defaultEmail?: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [step, setStep] = useState<Step>({ kind: "password" });
  const [error, setError] = useState<string | undefined>(initialError);
  const [email, setEmail] = useState(defaultEmail ?? "");
  const [busy, setBusy] = useState(false);

  async function finish(credentials: Record<string, string>): Promise<boolean> {
    const result = await signIn("credentials", { ...credentials, redirect: false });
    if (result?.ok && !result.error) {
      router.push(callbackPath);
      router.refresh();
      return true;
    }
    const code = result?.error ?? null;
    setError(messageFor(code));
    if (code === SIGN_IN_EXPIRED || code === TWO_FACTOR_REQUIRED) setStep({ kind: "password" });
    return false;
  }

  async function run(task: () => Promise<boolean | void>) {
    setBusy(true);
    setError(undefined);
    try {
      if ((await task()) === true) return; // navigating away: stay busy
    } catch (err) {
      // The browser's passkey prompt was dismissed or is unavailable.
      setError(err instanceof Error && err.name === "NotAllowedError" ? "The passkey prompt was closed. Try again." : UNAVAILABLE);
    }
    setBusy(false);
  }

  async function onPassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const emailValue = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setEmail(emailValue);
    if (!emailValue.trim() || !password) {
      setError("Enter your email and password.");
      return;
    }
    // A refused password is never left in the field: the next attempt starts from an empty one.
    const clearPassword = () => {
      const field = formEl.elements.namedItem("password");
      if (field instanceof HTMLInputElement) field.value = "";
    };
    await run(async () => {
      const res = await postJson<{ pending_token: string; second_factor: SecondFactors | null }>("/api/auth/sign-in/password", {
        email: emailValue,
        password,
      });
      if (res.status !== 200) clearPassword();
      if (res.status === 401) return setError(messageFor("CredentialsSignin"));
      if (res.status === 429) {
        return setError(`Too many sign-in attempts from here. Wait ${minutes(res.body?.error?.retry_after)} and try again.`);
      }
      const data = res.body?.data;
      if (!data) return setError(UNAVAILABLE);
      if (!data.second_factor) return finish({ pendingToken: data.pending_token });
      setStep({ kind: "second-factor", pendingToken: data.pending_token, factors: data.second_factor, mode: data.second_factor.totp ? "totp" : "recovery" });
    });
  }

  async function onPasskey(pendingToken?: string) {
    await run(async () => {
      const res = await postJson<{ pending_token: string; options: Parameters<typeof startAuthentication>[0]["optionsJSON"] }>(
        "/api/auth/sign-in/passkey",
        pendingToken ? { pending_token: pendingToken } : {},
      );
      const data = res.body?.data;
      if (!data) {
        setStep({ kind: "password" });
        return setError(messageFor(SIGN_IN_EXPIRED));
      }
      const assertion = await startAuthentication({ optionsJSON: data.options });
      return finish({ pendingToken: data.pending_token, passkey: JSON.stringify(assertion) });
    });
  }

  async function onCode(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (step.kind !== "second-factor") return;
    const value = String(new FormData(e.currentTarget).get("code") ?? "").trim();
    if (!value) return setError(step.mode === "totp" ? "Enter the 6-digit code from your app." : "Enter one of your recovery codes.");
    await run(() => finish(step.mode === "totp" ? { pendingToken: step.pendingToken, code: value } : { pendingToken: step.pendingToken, recoveryCode: value }));
  }

  const errorAlert = error ? (
    <Alert tone="danger" id="sign-in-error">
      {error}
    </Alert>
  ) : null;

  if (step.kind === "second-factor") {
    const { factors, mode } = step;
    const hasCodes = factors.totp || factors.recovery;
    return (
      <div className="space-y-5">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">Two-factor authentication</h2>
          <p className="mt-1 text-sm break-words text-slate-600">
            Your password was right. Confirm it is you{email ? <> ({email})</> : null} with your second factor.
          </p>
        </div>
        {errorAlert}
        {factors.passkey ? (
          <Button type="button" className="w-full" size="lg" variant={hasCodes ? "secondary" : "primary"} loading={busy} onClick={() => onPasskey(step.pendingToken)}>
            Use a passkey
          </Button>
        ) : null}
        {hasCodes ? (
          <form onSubmit={onCode} noValidate className="space-y-4" key={mode}>
            {mode === "totp" ? (
              <TextField
                label="Authentication code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]*"
                maxLength={8}
                autoFocus
                hint="The 6-digit code from your authenticator app."
                aria-describedby={error ? "sign-in-error" : undefined}
              />
            ) : (
              <TextField
                label="Recovery code"
                name="code"
                autoComplete="off"
                autoFocus
                hint="One of the codes you saved when you set up two-factor sign-in. Each works once."
                aria-describedby={error ? "sign-in-error" : undefined}
              />
            )}
            <Button type="submit" className="w-full" size="lg" loading={busy}>
              Verify
            </Button>
            {factors.totp && factors.recovery ? (
              <button
                type="button"
                className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                onClick={() => {
                  setError(undefined);
                  setStep({ ...step, mode: mode === "totp" ? "recovery" : "totp" });
                }}
              >
                {mode === "totp" ? "Use a recovery code instead" : "Use your authenticator app instead"}
              </button>
            ) : null}
          </form>
        ) : null}
        <button
          type="button"
          className="block text-sm text-slate-600 underline-offset-2 hover:underline"
          onClick={() => {
            setError(undefined);
            setStep({ kind: "password" });
          }}
        >
          Start over
        </button>
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <form onSubmit={onPassword} noValidate className="space-y-5">
        {errorAlert}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username webauthn"
          required
          defaultValue={email}
          aria-describedby={error ? "sign-in-error" : undefined}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby={error ? "sign-in-error" : undefined}
        />
        <Button type="submit" className="w-full" size="lg" loading={busy} disabled={!hydrated}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
        <noscript>
          <p className="text-sm text-slate-700">Plumb needs JavaScript enabled to sign in.</p>
        </noscript>
      </form>
      <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <Button type="button" variant="secondary" className="w-full" disabled={!hydrated || busy} onClick={() => onPasskey()}>
        Use a passkey
      </Button>
    </div>
  );
}
