"use client";

import { useState } from "react";
import { Button } from "@/components/ui";

/** Copies `text`; says so in a live region. Falls back to selecting the target input when the clipboard API is refused. */
export function CopyButton({ text, label = "Copy", targetId }: { text: string; label?: string; targetId?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      const input = targetId ? document.getElementById(targetId) : null;
      if (input instanceof HTMLInputElement) input.select();
      setState("failed");
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy}>
        {label}
      </Button>
      <span role="status" className="text-sm text-slate-700">
        {state === "copied" ? "Copied" : state === "failed" ? "Selected: press Ctrl+C to copy" : ""}
      </span>
    </span>
  );
}
