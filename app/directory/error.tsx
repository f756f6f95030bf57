"use client";

import { Alert, Button } from "@/components/ui";

export default function DirectoryError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold text-slate-900">The directory could not be loaded</h1>
      <Alert tone="danger" className="mt-4">
        Something went wrong on our side. Try again in a moment.
      </Alert>
      <Button variant="secondary" className="mt-4" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
