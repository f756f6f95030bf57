"use client";

import { useActionState } from "react";
import { Alert, Button, Card, CardBody, CardHeader } from "@/components/ui";
import type { VerifyState } from "@/app/o/[orgSlug]/domains/actions";
import { CopyButton } from "./copy-button";

export interface MethodView {
  method: "meta" | "dns" | "file";
  instructions: string;
  value: string;
}

const TITLES: Record<MethodView["method"], { title: string; what: string }> = {
  meta: { title: "HTML meta tag", what: "the meta tag" },
  dns: { title: "DNS TXT record", what: "the TXT record value" },
  file: { title: "Well-known file", what: "the file contents" },
};

interface Props {
  methods: MethodView[];
  verify: (prev: VerifyState) => Promise<VerifyState>;
  canWrite: boolean;
}

/** The three ownership proofs with copy buttons, and "Verify now" (which goes on to the domain page once one works) with the reasons when none works yet. */
export function VerificationMethods({ methods, verify, canWrite }: Props) {
  const [state, verifyAction, pending] = useActionState(verify, null);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">Publish any one of these, then press “Verify now”. Plumb checks them in this order and stops at the first that works.</p>
      <ol className="space-y-4">
        {methods.map((m, i) => {
          const t = TITLES[m.method];
          return (
            <li key={m.method}>
              <Card>
                <CardHeader title={`${i + 1}. ${t.title}`} description={m.instructions} />
                <CardBody className="flex flex-col gap-3 sm:flex-row sm:items-start">
                  <code className="block min-w-0 flex-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all text-slate-900">{m.value}</code>
                  <CopyButton value={m.value} label={`Copy ${t.what}`} />
                </CardBody>
              </Card>
            </li>
          );
        })}
      </ol>
      <form action={verifyAction} className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={pending} disabled={!canWrite}>
          Verify now
        </Button>
        {!canWrite ? <span className="text-sm text-slate-600">Only members, admins and owners can verify.</span> : null}
      </form>
      {state && state.ok && !state.verified ? (
        <Alert tone="danger" title="Not verified yet">
          <ul className="list-disc space-y-1 pl-5">
            {(state.reason ?? "No method worked.").split("\n").map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="mt-2">DNS changes can take a few minutes to appear. Fix one method and try again.</p>
        </Alert>
      ) : null}
      {state && !state.ok ? <Alert tone="danger">{state.message}</Alert> : null}
    </div>
  );
}
