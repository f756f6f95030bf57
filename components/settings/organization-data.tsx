"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button, buttonClasses, TextField } from "@/components/ui";
import { cancelOrganizationDeletionAction, requestOrganizationDeletionAction } from "@/app/o/[orgSlug]/settings/actions";

/** Settings → General, owners only: export everything, or schedule the organization's deletion. */
export function OrganizationData({ orgSlug, scheduledFor }: { orgSlug: string; scheduledFor: string | null }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();
  const done = () => {
    setBusy(false);
    setConfirming(false);
    setTyped("");
    startTransition(() => router.refresh());
  };

  return (
    <div className="space-y-4">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600">A JSON file with members, domains, scans, findings, credits, audit log, API keys and mail.</p>
        <a href={`/o/${encodeURIComponent(orgSlug)}/settings/export`} className={buttonClasses("secondary", "sm")} download>
          Export organization data
        </a>
      </div>
      {scheduledFor ? (
        <Alert tone="warning">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
            <span>This organization will be deleted on {scheduledFor}. New scans are refused until then.</span>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              loading={busy}
              onClick={async () => {
                setBusy(true);
                setError(undefined);
                const result = await cancelOrganizationDeletionAction(orgSlug);
                if (!result.ok) setError(result.error);
                done();
              }}
            >
              Cancel deletion
            </Button>
          </div>
        </Alert>
      ) : confirming ? (
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(undefined);
            const result = await requestOrganizationDeletionAction(orgSlug, { confirmSlug: typed });
            if (!result.ok) {
              setError(result.error);
              setBusy(false);
              return;
            }
            done();
          }}
        >
          <TextField
            label={`Type ${orgSlug} to confirm`}
            hint="Every owner gets an e-mail. Domains, scans, findings and credits are deleted after the grace period."
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" size="sm" loading={busy} disabled={typed.trim() !== orgSlug}>
              Delete organization
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-slate-600">Deletion takes effect after a grace period; until then any owner can cancel.</p>
          <Button type="button" variant="danger" size="sm" onClick={() => setConfirming(true)}>
            Delete organization
          </Button>
        </div>
      )}
    </div>
  );
}
