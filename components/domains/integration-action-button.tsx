"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui";
import type { ActionResult } from "@/components/findings/action-result";
import { applyCloudflareFixAction, noteInSentryAction } from "@/app/o/[orgSlug]/domains/[domainId]/integration-actions";

type Kind = { kind: "cloudflare"; fix: "hsts" | "always_use_https" } | { kind: "sentry"; findingIds: string[] };

/** One button on the domain page that calls an integration (Cloudflare one-click fix, note in Sentry) and says what happened. */
export function IntegrationActionButton({ orgSlug, domainId, label, action }: { orgSlug: string; domainId: string; label: string; action: Kind }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = () =>
    startTransition(async () => {
      if (action.kind === "cloudflare") {
        const r: ActionResult<{ zone: string }> = await applyCloudflareFixAction(orgSlug, { domainId, fix: action.fix });
        setMessage(r.ok ? { ok: true, text: `Applied in Cloudflare (${r.data.zone}); the next scan confirms it.` } : { ok: false, text: r.error });
      } else {
        const r = await noteInSentryAction(orgSlug, { domainId, findingIds: action.findingIds });
        setMessage(
          r.ok
            ? { ok: true, text: r.data.noted ? `Noted on ${r.data.noted} Sentry issue(s).` : r.data.alreadyNoted ? "Already noted in Sentry." : "No unresolved CSP issue in Sentry matches it." }
            : { ok: false, text: r.error },
        );
      }
    });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button size="sm" variant="secondary" loading={pending} onClick={run}>
        {label}
      </Button>
      <span role="status" className={message && !message.ok ? "text-sm font-medium text-red-700" : "text-sm text-green-800"}>
        {message?.text ?? ""}
      </span>
    </span>
  );
}
