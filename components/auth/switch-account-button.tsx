"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui";

/** Signs out and opens the sign-in page for `next` (e.g. back to an invitation, with its address filled in). */
export function SwitchAccountButton({ next, children }: { next: string; children: React.ReactNode }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="lg"
      variant="secondary"
      className="w-full"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ redirect: false });
        window.location.assign(next);
      }}
    >
      {children}
    </Button>
  );
}
