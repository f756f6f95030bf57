"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui";
import { sendFindingsAction } from "@/app/o/[orgSlug]/settings/integrations/actions";

/** "Send to GitHub…": files the selected findings in a connected tracker (a repeat never files twice). */
export function SendToTracker({ orgSlug, selectedIds, trackers }: { orgSlug: string; selectedIds: string[]; trackers: { id: string; name: string }[] }) {
  const [target, setTarget] = useState(trackers[0]?.id ?? "");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const selectId = useId();
  if (trackers.length === 0) return null;
  const name = trackers.find((t) => t.id === target)?.name ?? "tracker";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {trackers.length > 1 ? (
        <>
          <label htmlFor={selectId} className="w-full text-slate-700 sm:w-auto">
            Tracker
          </label>
          <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)} className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm">
            {trackers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <Button
        size="sm"
        variant="secondary"
        disabled={selectedIds.length === 0}
        loading={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await sendFindingsAction(orgSlug, { provider: target, findingIds: selectedIds });
            setMessage(r.ok ? { ok: true, text: `Sending to ${name}: ${r.data.added} new issue link(s); issues appear in a moment.` } : { ok: false, text: r.error });
          })
        }
      >
        Send to {name}…
      </Button>
      <span role="status" className={message && !message.ok ? "font-medium text-red-700" : "text-green-800"}>
        {message?.text ?? ""}
      </span>
    </div>
  );
}
