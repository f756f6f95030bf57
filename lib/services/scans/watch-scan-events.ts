import { getPrisma, type Prisma } from "@/lib/db";
import type { Finding, Scan } from "@/generated/prisma/client";
import { getScanRowOrThrow } from "./get-scan";
import { isTerminalScanStatus } from "./scan-status";

export type ScanEvent =
  | { event: "progress"; scan: Scan }
  | { event: "finding"; finding: Finding }
  | { event: "done"; scan: Scan }
  | { event: "heartbeat" };

export const SCAN_EVENTS_POLL_MS = 500;
export const SCAN_EVENTS_HEARTBEAT_MS = 15_000;
/** A stream never outlives this; clients reconnect (EventSource does so by itself). */
export const SCAN_EVENTS_MAX_MS = 30 * 60_000;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}

/**
 * Progress of one scan as a sequence of events, read by polling the database (so it works whichever
 * instance runs the job): `progress` whenever status or page counts change, `finding` for each finding
 * recorded by the scan, `heartbeat` when nothing happened for a while, and `done` once the scan is
 * terminal, which ends the sequence. Scoped to the organization (another org's scan -> not_found).
 */
export async function* watchScanEvents(
  input: { orgId: string; scanId: string; signal?: AbortSignal; pollMs?: number },
  prisma?: Prisma,
): AsyncGenerator<ScanEvent> {
  const db = prisma ?? (await getPrisma());
  const pollMs = input.pollMs ?? SCAN_EVENTS_POLL_MS;
  await getScanRowOrThrow(input, db);
  const seenFindings = new Set<string>();
  let lastProgress = "";
  let lastEmit = Date.now();
  const deadline = Date.now() + SCAN_EVENTS_MAX_MS;
  while (!input.signal?.aborted && Date.now() < deadline) {
    const scan = await getScanRowOrThrow(input, db);
    const occurrences = await db.findingOccurrence.findMany({
      where: { scanId: scan.id, findingId: { notIn: [...seenFindings] } },
      include: { finding: true },
      orderBy: { createdAt: "asc" },
      take: 200,
    });
    for (const o of occurrences) {
      seenFindings.add(o.findingId);
      lastEmit = Date.now();
      yield { event: "finding", finding: o.finding };
    }
    if (isTerminalScanStatus(scan.status)) {
      yield { event: "done", scan };
      return;
    }
    const key = `${scan.status}:${scan.pagesDone}:${scan.pagesTotal}`;
    if (key !== lastProgress) {
      lastProgress = key;
      lastEmit = Date.now();
      yield { event: "progress", scan };
    } else if (Date.now() - lastEmit >= SCAN_EVENTS_HEARTBEAT_MS) {
      lastEmit = Date.now();
      yield { event: "heartbeat" };
    }
    await sleep(pollMs, input.signal);
  }
}
