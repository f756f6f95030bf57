"use client";

import { Alert, Button } from "@/components/ui";

export default function OrganizationError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
      <Alert tone="danger" className="mt-4">
        This page could not be loaded. Try again; if it keeps failing, the server log has the details
        {error.digest ? (
          <>
            {" "}
            (reference <code className="font-mono">{error.digest}</code>)
          </>
        ) : null}
        .
      </Alert>
      <Button variant="secondary" className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
