"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Re-renders the page every two seconds while an export is queued or running, so progress shows live. */
export function RefreshWhileRunning({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(t);
  }, [active, router]);
  return null;
}
