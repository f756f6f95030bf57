import type { Prisma } from "@/lib/db";
import { isScanStillRunning } from "./mark-scan-running";

export const CANCEL_POLL_MS = 1_000;

/**
 * An AbortSignal that fires when the scan leaves the running state (a cancel from the API). The engine
 * takes a signal, so polling the row is how a cancel reaches a browser that is mid-page.
 */
export function watchForCancel(scanId: string, prisma?: Prisma, intervalMs = CANCEL_POLL_MS) {
  const controller = new AbortController();
  let stopped = false;
  const timer = setInterval(() => {
    void isScanStillRunning({ scanId }, prisma)
      .then((running) => {
        if (!running && !stopped) controller.abort(new Error("Scan canceled."));
      })
      .catch(() => undefined); // a transient read error must not abort a healthy scan
  }, intervalMs);
  timer.unref?.();
  return {
    signal: controller.signal,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
