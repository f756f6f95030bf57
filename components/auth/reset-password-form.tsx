"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert, Button, ButtonLink, TextField, useHydrated } from "@/components/ui";
import { PasswordStrength } from "./password-strength";

export type ResetPasswordState =
  | { status: "idle" }
  | { status: "invalid"; message: string }
  | { status: "unusable"; message: string }
  | { status: "done"; email: string };

type Action = (prev: ResetPasswordState, formData: FormData) => Promise<ResetPasswordState>;

export function ResetPasswordForm({ action }: { action: Action }) {
  const hydrated = useHydrated();
  const [password, setPassword] = useState("");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  if (state.status === "done") {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Password changed">
          You were signed out everywhere. Sign in with your new password.
        </Alert>
        <ButtonLink href={`/sign-in?email=${encodeURIComponent(state.email)}`} size="lg" className="w-full">
          Sign in
        </ButtonLink>
      </div>
    );
  }
  if (state.status === "unusable") {
    return (
      <Alert tone="danger" title={state.message}>
        <Link href="/forgot-password" className="font-medium underline">
          Ask for a new link
        </Link>
      </Alert>
    );
  }
  return (
    <form action={formAction} noValidate className="space-y-5">
      <div className="space-y-2">
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters, and not a common password."
          onChange={(e) => setPassword(e.target.value)}
          error={state.status === "invalid" ? state.message : undefined}
        />
        <PasswordStrength password={password} />
      </div>
      <Button type="submit" className="w-full" size="lg" loading={pending} disabled={!hydrated}>
        Change password
      </Button>
    </form>
  );
}
