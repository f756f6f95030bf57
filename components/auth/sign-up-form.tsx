"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { signIn } from "next-auth/react";
import { Alert, Button, TextField, useHydrated } from "@/components/ui";
import type { SignUpState } from "./sign-up-state";

type SignUpAction = (prev: SignUpState, formData: FormData) => Promise<SignUpState>;

export function SignUpForm({ action }: { action: SignUpAction }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [state, formAction, pending] = useActionState(async (prev: SignUpState, formData: FormData): Promise<SignUpState> => {
    const result = await action(prev, formData);
    if (result.status !== "created") return result;
    const signedIn = await signIn("credentials", {
      email: formData.get("email"),
      password: formData.get("password"),
      redirect: false,
    });
    if (!signedIn?.ok) {
      return { status: "error", message: "Your account was created, but signing in failed. Please sign in." };
    }
    router.push(`/o/${result.orgSlug}`);
    router.refresh();
    return result;
  }, { status: "idle" });

  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const values = state.status === "invalid" ? state.values : {};
  const busy = pending || state.status === "created";

  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.status === "error" ? (
        <Alert tone="danger" title="Almost there">
          {state.message} <Link href="/sign-in" className="font-medium underline">Go to sign in</Link>
        </Alert>
      ) : null}
      {state.status === "invalid" && Object.keys(errors).length > 0 ? (
        <Alert tone="danger">Please correct the highlighted fields.</Alert>
      ) : null}
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        optional
        defaultValue={values.name}
        error={errors.name}
      />
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        error={errors.password}
      />
      <TextField
        label="Organization name"
        name="orgName"
        autoComplete="organization"
        required
        hint="Your company or team. Domains, scans and findings belong to it."
        defaultValue={values.orgName}
        error={errors.orgName}
      />
      <Button type="submit" className="w-full" size="lg" loading={busy} disabled={!hydrated}>
        {busy ? "Creating your account…" : "Create account"}
      </Button>
      <noscript>
        <p className="text-sm text-slate-700">Plumb needs JavaScript enabled to create an account.</p>
      </noscript>
    </form>
  );
}
