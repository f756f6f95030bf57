"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui";
import { revokeApiKeyAction } from "@/app/o/[orgSlug]/settings/actions";
import { ConfirmDialog } from "./confirm-dialog";

export function RevokeKeyButton({ orgSlug, keyId, name }: { orgSlug: string; keyId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const r = await revokeApiKeyAction(orgSlug, keyId);
      if (r.ok) setOpen(false);
      else setError(r.error);
    });
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Revoke API key ${name}`}>
        Revoke
      </Button>
      {error ? <p role="alert" className="mt-1 text-xs font-medium text-red-700">{error}</p> : null}
      <ConfirmDialog open={open} title={`Revoke “${name}”?`} confirmLabel="Revoke key" busy={pending} onConfirm={confirm} onCancel={() => setOpen(false)}>
        Anything still using this key gets “401 Unauthorized” from now on. This cannot be undone; create a new key if you need one.
      </ConfirmDialog>
    </>
  );
}
