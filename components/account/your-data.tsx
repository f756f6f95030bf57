"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { Alert, Button, buttonClasses, TextField } from "@/components/ui";
import { cancelAccountDeletionAction, requestAccountDeletionAction } from "@/app/account/security/actions";

/** "Your data" on the Account security page: download everything, or schedule the account's deletion. */
export function YourData({ email, scheduledFor }: { email: string; scheduledFor: string | null }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();

  return (
    <div className="space-y-4">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600">A JSON file with your profile, memberships, sessions, keys, activity and the e-mails sent to you.</p>
        <a href="/account/export" className={buttonClasses("secondary", "sm")} download>
          Download my data
        </a>
      </div>
      {scheduledFor ? (
        <Alert tone="warning">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
            <span>Your account will be deleted on {scheduledFor}.</span>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              loading={busy}
              onClick={async () => {
                setBusy(true);
                setError(undefined);
                await cancelAccountDeletionAction();
                setBusy(false);
                startTransition(() => router.refresh());
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
            const result = await requestAccountDeletionAction({ confirmEmail: typed });
            if (!result.ok) {
              setError(result.error);
              setBusy(false);
              return;
            }
            // Every session, this one included, is gone: clear the cookie and leave.
            await signOut({ redirect: false }).catch(() => undefined);
            window.location.assign("/sign-in");
          }}
        >
          <TextField
            label={`Type ${email} to confirm`}
            hint="You are signed out everywhere and get an e-mail with a link to cancel during the grace period."
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" size="sm" loading={busy} disabled={typed.trim().toLowerCase() !== email.toLowerCase()}>
              Delete my account
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Keep my account
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-slate-600">Deleting your account takes effect after a grace period; until then you can cancel.</p>
          <Button type="button" variant="danger" size="sm" onClick={() => setConfirming(true)}>
            Delete my account
          </Button>
        </div>
      )}
    </div>
  );
}
