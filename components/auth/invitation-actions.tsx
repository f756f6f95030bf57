"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert, Button } from "@/components/ui";

export type InvitationState = { status: "idle" } | { status: "error"; message: string } | { status: "declined" };

export function InvitationActions({ orgName, accept, decline }: { orgName: string; accept: () => Promise<InvitationState>; decline: () => Promise<InvitationState> }) {
  const [state, setState] = useState<InvitationState>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const [which, setWhich] = useState<"accept" | "decline" | null>(null);
  const run = (kind: "accept" | "decline") => {
    setWhich(kind);
    startTransition(async () => {
      // Accepting redirects to the organization on success; only failures come back.
      setState(await (kind === "accept" ? accept() : decline()));
    });
  };
  if (state.status === "declined") {
    return (
      <Alert tone="info" title="Invitation declined">
        You did not join {orgName}. <Link href="/o" className="font-medium underline">Go to your dashboard</Link>
      </Alert>
    );
  }
  return (
    <div className="space-y-4">
      {state.status === "error" ? <Alert tone="danger">{state.message}</Alert> : null}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button size="lg" className="sm:flex-1" loading={pending && which === "accept"} disabled={pending} onClick={() => run("accept")}>
          Accept invitation
        </Button>
        <Button size="lg" variant="secondary" className="sm:flex-1" loading={pending && which === "decline"} disabled={pending} onClick={() => run("decline")}>
          Decline
        </Button>
      </div>
    </div>
  );
}
