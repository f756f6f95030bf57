"use client";

import { useActionState } from "react";
import { Button, TextField } from "@/components/ui";

export type NewOrganizationState = { status: "idle" } | { status: "invalid"; error: string; name: string };

type Action = (prev: NewOrganizationState, formData: FormData) => Promise<NewOrganizationState>;

/** Works without JavaScript too: the action is a server action that redirects to the new organization. */
export function NewOrganizationForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const invalid = state.status === "invalid" ? state : undefined;
  return (
    <form action={formAction} noValidate className="space-y-5">
      <TextField
        label="Organization name"
        name="name"
        autoComplete="organization"
        required
        hint="Your company, a client or a team. You will be its owner."
        defaultValue={invalid?.name}
        error={invalid?.error}
      />
      <Button type="submit" className="w-full" size="lg" loading={pending}>
        {pending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
