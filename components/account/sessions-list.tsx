"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { Alert, Badge, Button } from "@/components/ui";
import { revokeSessionAction, signOutEverywhereAction } from "@/app/account/security/actions";

export interface SessionRow {
  id: string;
  device: string;
  ip: string | null;
  lastSeen: string;
  signedIn: string;
  current: boolean;
}

async function leave(): Promise<void> {
  // The server already deleted the session row; this clears the now useless cookie.
  await signOut({ redirect: false }).catch(() => undefined);
  window.location.assign("/sign-in");
}

export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  return (
    <div className="space-y-4">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="Active sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between" data-session-id={s.id} data-current={s.current ? "true" : undefined}>
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                <span className="break-words">{s.device}</span>
                {s.current ? <Badge tone="brand">This device</Badge> : null}
              </p>
              <p className="mt-1 text-sm break-words text-slate-600">
                {s.ip ? <span className="font-mono">{s.ip}</span> : "Address unknown"} · last seen {s.lastSeen} · signed in {s.signedIn}
              </p>
            </div>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              loading={busy === s.id}
              disabled={busy !== null}
              aria-label={s.current ? "Sign out this device" : `Revoke session on ${s.device}`}
              onClick={async () => {
                setBusy(s.id);
                setError(undefined);
                const result = await revokeSessionAction(s.id);
                if (!result.ok) {
                  setError(result.error);
                  setBusy(null);
                  return;
                }
                if (result.data.signedOut) return leave();
                setBusy(null);
                startTransition(() => router.refresh());
              }}
            >
              {s.current ? "Sign out" : "Revoke"}
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600">Lost a device, or signed in somewhere you should not have? End every session, this one included.</p>
        <SignOutEverywhereButton />
      </div>
    </div>
  );
}

export function SignOutEverywhereButton({ className, variant = "danger" }: { className?: string; variant?: "danger" | "ghost" }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      type="button"
      variant={variant}
      size="sm"
      className={className}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        await signOutEverywhereAction().catch(() => undefined);
        await leave();
      }}
    >
      Sign out everywhere
    </Button>
  );
}
