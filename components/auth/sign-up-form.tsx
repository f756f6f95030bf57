"use client";

import { useActionState, useState } from "react";
import { Alert, Button, ButtonLink, TextField, useHydrated } from "@/components/ui";
import { PasswordStrength } from "./password-strength";
import type { SignUpState } from "./sign-up-state";

type SignUpAction = (prev: SignUpState, formData: FormData) => Promise<SignUpState>;

function signInHref(email: string, callbackPath?: string): string {
  const q = new URLSearchParams({ email });
  if (callbackPath) q.set("callbackUrl", callbackPath);
  return `/sign-in?${q.toString()}`;
}

/**
 * Sign-up. `invite` (from an invitation link): the address is prefilled and no organization is asked for.
 * After submitting, everybody sees the same "check your e-mail" answer and signs in next.
 */
export function SignUpForm({ action, defaultEmail, callbackPath, invite = false }: { action: SignUpAction; defaultEmail?: string; callbackPath?: string; invite?: boolean }) {
  const hydrated = useHydrated();
  const [password, setPassword] = useState("");
  const [email, setEmail] = useState(defaultEmail ?? "");
  const [name, setName] = useState("");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });

  if (state.status === "check-email") {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Check your e-mail">
          We sent a message to <strong className="break-all">{state.email}</strong>. Follow the link in it to confirm your address.
        </Alert>
        <p className="text-sm text-slate-700">
          Then sign in with your e-mail and password. No message after a few minutes? Check your spam folder, or sign in and ask for a new link.
        </p>
        <ButtonLink href={signInHref(state.email, callbackPath)} size="lg" className="w-full">
          Continue to sign in
        </ButtonLink>
      </div>
    );
  }

  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const values = state.status === "invalid" ? state.values : {};

  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.status === "error" ? <Alert tone="danger">{state.message}</Alert> : null}
      {state.status === "invalid" && Object.keys(errors).length > 0 ? <Alert tone="danger">Please correct the highlighted fields.</Alert> : null}
      {invite ? <input type="hidden" name="invite" value="1" /> : null}
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        optional
        defaultValue={values.name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email ?? defaultEmail}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
      />
      <div className="space-y-2">
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters, and not a common password."
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <PasswordStrength password={password} userInputs={[email, name].filter(Boolean)} />
      </div>
      {invite ? null : (
        <TextField
          label="Organization name"
          name="orgName"
          autoComplete="organization"
          required
          hint="Your company or team. Domains, scans and findings belong to it."
          defaultValue={values.orgName}
          error={errors.orgName}
        />
      )}
      <Button type="submit" className="w-full" size="lg" loading={pending} disabled={!hydrated}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <noscript>
        <p className="text-sm text-slate-700">Plumb needs JavaScript enabled to create an account.</p>
      </noscript>
    </form>
  );
}
