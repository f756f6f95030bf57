"use client";

import { useActionState } from "react";
import { Alert, Button, TextField, useHydrated } from "@/components/ui";

export type ForgotPasswordState = { status: "idle" } | { status: "invalid"; message: string } | { status: "sent"; email: string };

type Action = (prev: ForgotPasswordState, formData: FormData) => Promise<ForgotPasswordState>;

export function ForgotPasswordForm({ action }: { action: Action }) {
  const hydrated = useHydrated();
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  if (state.status === "sent") {
    return (
      <Alert tone="success" title="Check your e-mail">
        If an account uses <strong className="break-all">{state.email}</strong>, we sent it a link to choose a new password. The link works once, for one hour.
      </Alert>
    );
  }
  return (
    <form action={formAction} noValidate className="space-y-5">
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={state.status === "invalid" ? state.message : undefined}
      />
      <Button type="submit" className="w-full" size="lg" loading={pending} disabled={!hydrated}>
        Send reset link
      </Button>
    </form>
  );
}
