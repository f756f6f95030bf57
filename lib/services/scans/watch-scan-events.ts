import { getPrisma, type Prisma } from "@/lib/db";
import { presentFinding, type FindingJson } from "../findings/present-finding";
import { getScanRowOrThrow } from "./get-scan";
import { isTerminalScanStatus, presentScan, type ScanJson } from "./present-scan";

export type ScanEvent =
  | { event: "progress"; data: ScanJson }
  | { event: "finding"; data: FindingJson }
  | { event: "done"; data: ScanJson }
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
      yield { event: "finding", data: presentFinding(o.finding) };
    }
    const json = presentScan(scan);
    if (isTerminalScanStatus(scan.status)) {
      yield { event: "done", data: json };
      return;
    }
    const key = `${scan.status}:${scan.pagesDone}:${scan.pagesTotal}`;
    if (key !== lastProgress) {
      lastProgress = key;
      lastEmit = Date.now();
      yield { event: "progress", data: json };
    } else if (Date.now() - lastEmit >= SCAN_EVENTS_HEARTBEAT_MS) {
      lastEmit = Date.now();
      yield { event: "heartbeat" };
    }
    await sleep(pollMs, input.signal);
  }
}

/** Server-Sent Events encoding of watchScanEvents; heartbeats are comments so clients ignore them. */
export function scanEventStream(events: AsyncGenerator<ScanEvent>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`retry: 2000\n: connected\n\n`));
    },
    async pull(controller) {
      try {
        const next = await events.next();
        if (next.done) {
          controller.close();
          return;
        }
        const e = next.value;
        controller.enqueue(
          encoder.encode(e.event === "heartbeat" ? `: heartbeat\n\n` : `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`),
        );
      } catch {
        // The client only learns that the stream broke; details stay in the server log.
        controller.enqueue(encoder.encode(`event: error\ndata: ${JSON.stringify({ message: "The progress stream failed." })}\n\n`));
        controller.close();
      }
    },
    async cancel() {
      await events.return(undefined);
    },
  });
}
