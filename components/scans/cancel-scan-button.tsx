"use client";

import { useActionState } from "react";
import { Alert, Button } from "@/components/ui";
import type { CancelScanState } from "@/app/o/[orgSlug]/scans/actions";

/** Cancel for a queued/running scan; the progress stream then reports the canceled state. */
export function CancelScanButton({ action }: { action: (prev: CancelScanState) => Promise<CancelScanState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" loading={pending} disabled={state?.ok === true}>
        Cancel scan
      </Button>
      {state?.ok ? <span role="status" className="text-sm text-slate-700">Canceled; {state.refunded} credit{state.refunded === 1 ? "" : "s"} refunded.</span> : null}
      {state && !state.ok ? <Alert tone="danger">{state.message}</Alert> : null}
    </form>
  );
}
