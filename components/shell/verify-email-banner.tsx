"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui";
import { resendVerificationAction } from "@/app/o/verify-email-actions";

/** Shown in the dashboard until the account's address is confirmed; joining organizations by invitation needs it. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div role="region" aria-label="Verify your e-mail" className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="min-w-0">
          <strong className="font-semibold">Verify your e-mail.</strong> We sent a link to <span className="break-all">{email}</span>; open it to confirm
          the address.
        </p>
        <Button
          size="sm"
          variant="secondary"
          loading={pending}
          onClick={() =>
            startTransition(async () => {
              const r = await resendVerificationAction();
              setMessage({ ok: r.ok, text: r.message });
            })
          }
        >
          Resend link
        </Button>
      </div>
      {message ? (
        <p role="status" className={message.ok ? "mt-2 text-green-900" : "mt-2 text-red-800"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
