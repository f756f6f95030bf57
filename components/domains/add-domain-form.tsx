"use client";

import { useActionState } from "react";
import { Alert, Button, TextField } from "@/components/ui";
import type { AddDomainState } from "@/app/o/[orgSlug]/domains/actions";

interface Props {
  action: (prev: AddDomainState, form: FormData) => Promise<AddDomainState>;
}

/** Hostname or URL in, verification page out (the action redirects on success). */
export function AddDomainForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? state.message : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField
        name="address"
        label="Domain or URL"
        placeholder="example.com"
        autoComplete="url"
        inputMode="url"
        spellCheck={false}
        autoCapitalize="none"
        required
        hint="A hostname (example.com, shop.example.com) or a URL; Plumb keeps only its origin. Without a scheme, https is assumed."
        error={error}
      />
      <Button type="submit" loading={pending}>
        Add domain
      </Button>
      {state && !state.ok && state.code === "forbidden" ? <Alert tone="warning">{state.message}</Alert> : null}
    </form>
  );
}
