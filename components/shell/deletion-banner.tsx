"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui";
import { cancelOrganizationDeletionAction } from "@/app/o/[orgSlug]/settings/actions";

/** Shown across the dashboard while the organization is scheduled for deletion; owners can cancel from it. */
export function DeletionBanner({ orgSlug, orgName, scheduledFor, canCancel }: { orgSlug: string; orgName: string; scheduledFor: string; canCancel: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div role="region" aria-label="Organization scheduled for deletion" className="mb-6 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-950">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="min-w-0 break-words">
          <strong className="font-semibold">{orgName} will be deleted on {scheduledFor}.</strong> New scans are refused until then.
          {canCancel ? null : " Ask an owner if this is a mistake."}
        </p>
        {canCancel ? (
          <Button
            size="sm"
            variant="secondary"
            loading={pending}
            onClick={() =>
              startTransition(async () => {
                const r = await cancelOrganizationDeletionAction(orgSlug);
                if (!r.ok) setError(r.error);
                router.refresh();
              })
            }
          >
            Cancel deletion
          </Button>
        ) : null}
      </div>
      {error ? <p className="mt-2">{error}</p> : null}
    </div>
  );
}
