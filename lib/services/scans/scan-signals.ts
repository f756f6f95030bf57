import { getDatabase, type Prisma } from "@/lib/db";
import { listenSignal, sendSignal } from "@/lib/db/signals";

/** The LISTEN/NOTIFY channel for "this scan's row, pages or findings changed"; the payload is the scan id. */
export const SCAN_SIGNAL_CHANNEL = "plumb_scan";

/**
 * Tells every instance watching the scan (SSE streams) to re-read it. Inside a transaction it is delivered at
 * commit. Never fails the caller: a lost signal only delays a viewer until its next safety-net read.
 */
export async function signalScanChanged(input: { scanId: string }, db: Pick<Prisma, "$executeRaw">): Promise<void> {
  try {
    await sendSignal(db, SCAN_SIGNAL_CHANNEL, input.scanId);
  } catch (err) {
    console.error(`[scans] could not signal a change of scan ${input.scanId}: ${(err as Error).message}`);
  }
}

export interface ScanChanges {
  /** Resolves on the next change of the scan (or a listener reconnect), after `ms`, or when `signal` aborts. */
  next(ms: number, signal?: AbortSignal): Promise<void>;
  close(): void;
}

/**
 * Subscribes to one scan's change signals. Changes between two `next()` calls are remembered, so none is
 * missed while the caller was busy reading. Without a listening connection it degrades to plain timeouts.
 */
export async function subscribeScanChanges(input: { scanId: string }): Promise<ScanChanges> {
  let pending = false;
  let wake: (() => void) | undefined;
  let unsubscribe: () => void = () => undefined;
  try {
    unsubscribe = await listenSignal(await getDatabase(), SCAN_SIGNAL_CHANNEL, (payload) => {
      if (payload !== "" && payload !== input.scanId) return;
      pending = true;
      wake?.();
    });
  } catch (err) {
    console.error(`[scans] live updates fall back to periodic reads: ${(err as Error).message}`);
  }
  return {
    next(ms, signal) {
      if (pending || signal?.aborted) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          wake = undefined;
          pending = false;
          resolve();
        };
        const timer = setTimeout(done, ms);
        // Removed again in done(): one listener per wait would pile up on a long stream's request signal.
        signal?.addEventListener("abort", done, { once: true });
        wake = done;
      });
    },
    close() {
      wake?.();
      unsubscribe();
    },
  };
}
