"use client";

import { useState, useTransition } from "react";
import { Alert, Button } from "@/components/ui";
import { setRequireTwoFactorAction } from "@/app/o/[orgSlug]/settings/actions";

/** Owners only: members without a second factor are sent to set one up before they can use the organization. */
export function RequireTwoFactorForm({ orgSlug, enabled }: { orgSlug: string; enabled: boolean }) {
  const [on, setOn] = useState(enabled);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <p className="text-sm text-slate-700" role="status">
        {on
          ? "Required: members must sign in with an authenticator app or a passkey. API keys are not affected."
          : "Not required: members choose for themselves."}
      </p>
      <Button
        type="button"
        variant={on ? "secondary" : "primary"}
        loading={pending}
        onClick={() =>
          startTransition(async () => {
            setError(undefined);
            const r = await setRequireTwoFactorAction(orgSlug, !on);
            if (r.ok) setOn(r.data.enabled);
            else setError(r.error);
          })
        }
      >
        {on ? "Stop requiring two-factor sign-in" : "Require two-factor sign-in"}
      </Button>
    </div>
  );
}
