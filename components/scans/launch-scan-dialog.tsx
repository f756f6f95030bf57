"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button, ButtonLink, SelectField, TextField } from "@/components/ui";
import { PILLARS } from "@/components/status/pillars";
import type { LaunchScanState } from "@/app/o/[orgSlug]/scans/actions";
import type { Pillar } from "@/generated/prisma/enums";

export interface LaunchTarget {
  id: string;
  host: string;
}

interface Props {
  orgSlug: string;
  /** verified domains the user may scan; the first is preselected */
  domains: LaunchTarget[];
  balance: number;
  creditsPerPillar: number;
  defaultMaxPages: number;
  maxMaxPages: number;
  action: (prev: LaunchScanState, form: FormData) => Promise<LaunchScanState>;
  triggerLabel?: string;
  /** focus the trigger on mount (the domain page right after its verification) */
  focusTrigger?: boolean;
}

/**
 * "New scan" in a modal <dialog> (focus is trapped and Escape closes it, natively). The cost follows the
 * pillars ticked — 1 credit each — next to the balance, and the server's answer (402, 409) is shown as is.
 */
export function LaunchScanDialog({ orgSlug, domains, balance, creditsPerPillar, defaultMaxPages, maxMaxPages, action, triggerLabel = "New scan", focusTrigger = false }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerId = useId();
  const router = useRouter();
  const titleId = useId();
  const [picked, setPicked] = useState<Set<Pillar>>(() => new Set(PILLARS.map((p) => p.id)));
  const [state, formAction, pending] = useActionState(action, null);
  const cost = picked.size * creditsPerPillar;
  const short = cost > balance;

  // autoFocus alone is not applied when React hydrates server-rendered markup; focus once mounted.
  useEffect(() => {
    if (focusTrigger) document.getElementById(triggerId)?.focus();
  }, [focusTrigger, triggerId]);

  useEffect(() => {
    if (state?.ok) router.push(`/o/${orgSlug}/scans/${state.scanId}`);
  }, [state, orgSlug, router]);

  const toggle = (p: Pillar, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(p);
      else next.delete(p);
      return next;
    });

  return (
    <>
      <Button id={triggerId} autoFocus={focusTrigger} onClick={() => dialogRef.current?.showModal()} disabled={domains.length === 0}>
        {triggerLabel}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(36rem,calc(100vw-1.5rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={formAction} className="flex max-h-[calc(100dvh-2rem)] flex-col">
          <div className="border-b border-slate-200 px-5 py-4">
            <h2 id={titleId} className="text-lg font-semibold">
              Start a scan
            </h2>
            <p className="mt-1 text-sm text-slate-600">Plumb loads the pages in a real browser and runs the pillars you pick.</p>
          </div>
          <div className="space-y-5 overflow-y-auto px-5 py-4">
            {/* First in the body, so a refusal (402, 409) is seen without scrolling on a phone. */}
            {state && !state.ok ? (
              <Alert tone="danger" title={state.code === "insufficient_credits" ? "Not enough credits" : state.code === "domain_not_verified" ? "Domain not verified" : "The scan was not started"}>
                <p>{state.message}</p>
                {state.code === "insufficient_credits" ? (
                  <p className="mt-1">Pick fewer pillars, or add credits in Settings.</p>
                ) : null}
              </Alert>
            ) : null}
            {domains.length === 1 ? (
              <>
                <input type="hidden" name="domainId" value={domains[0].id} />
                <p className="text-sm">
                  Domain: <span className="font-medium break-all">{domains[0].host}</span>
                </p>
              </>
            ) : (
              <SelectField name="domainId" label="Domain" defaultValue={domains[0]?.id}>
                {domains.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.host}
                  </option>
                ))}
              </SelectField>
            )}
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Pillars ({creditsPerPillar} credit each)</legend>
              <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
                {PILLARS.map((p) => (
                  <label key={p.id} className="flex items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm">
                    <input
                      type="checkbox"
                      name="pillars"
                      value={p.id}
                      checked={picked.has(p.id)}
                      onChange={(e) => toggle(p.id, e.target.checked)}
                      className="mt-0.5 size-4 accent-brand-700"
                    />
                    <span>{p.label}</span>
                  </label>
                ))}
              </div>
              <div className="mt-2 flex gap-3 text-sm">
                <button type="button" className="font-medium text-brand-800 underline" onClick={() => setPicked(new Set(PILLARS.map((p) => p.id)))}>
                  Select all
                </button>
                <button type="button" className="font-medium text-brand-800 underline" onClick={() => setPicked(new Set())}>
                  Clear
                </button>
              </div>
            </fieldset>
            <TextField
              name="maxPages"
              type="number"
              label="Maximum pages"
              min={1}
              max={maxMaxPages}
              defaultValue={defaultMaxPages}
              hint={`Same-origin pages found through the sitemap and links, up to ${maxMaxPages}. The cost does not depend on it.`}
              className="max-w-32"
            />
          </div>
          <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
            <p aria-live="polite" className={short ? "mr-auto text-sm font-medium text-red-700" : "mr-auto text-sm text-slate-700"}>
              Cost: <strong>{cost}</strong> credit{cost === 1 ? "" : "s"} · balance: <strong>{balance}</strong>
              {short ? " — not enough credits" : ""}
            </p>
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" loading={pending || state?.ok === true} disabled={picked.size === 0}>
              Start scan ({cost} credit{cost === 1 ? "" : "s"})
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/** When nothing can be scanned yet, say why and where to go instead of offering a dead button. */
export function NoScannableDomain({ orgSlug }: { orgSlug: string }) {
  return (
    <ButtonLink href={`/o/${orgSlug}/domains`} variant="secondary">
      Verify a domain to scan it
    </ButtonLink>
  );
}
