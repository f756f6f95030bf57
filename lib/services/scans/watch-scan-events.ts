import { getPrisma, type Prisma } from "@/lib/db";
import type { Finding, Scan } from "@/generated/prisma/client";
import { getScanRowOrThrow } from "./get-scan";
import { isTerminalScanStatus } from "./scan-status";
import { parseLiveState } from "./live-progress";
import { subscribeScanChanges } from "./scan-signals";

/** Every event carries the stream position (`id`): the last finding sent, for `Last-Event-ID` resumes. */
export type ScanEvent = (
  | { event: "progress"; scan: Scan }
  | { event: "finding"; finding: Finding }
  | { event: "done"; scan: Scan }
  | { event: "heartbeat" }
) & { id: string };

/** Findings read per query; a late client gets all of them, page after page, before any live event. */
export const SCAN_EVENTS_PAGE = 200;
export const SCAN_EVENTS_HEARTBEAT_MS = 15_000;
/** Safety net only: changes arrive as LISTEN/NOTIFY signals (scan-signals.ts); this bounds a lost one. */
export const SCAN_EVENTS_SAFETY_READ_MS = 10_000;
/** A stream never outlives this; clients reconnect (EventSource does so by itself, sending Last-Event-ID). */
export const SCAN_EVENTS_MAX_MS = 30 * 60_000;
/** The position before any finding. */
export const SCAN_EVENTS_START = "0";

interface Cursor {
  createdAt: Date;
  id: string;
}

/**
 * Progress of one scan as a sequence of events, pushed by change signals from whichever instance runs the
 * scan: first everything recorded so far (every finding, paged — or those after `lastEventId` on a resume),
 * then `progress` whenever status, page counts, the pages loading or the previewed findings change, `finding`
 * for each finding the scan records, `heartbeat` when nothing happened for a while, and `done` once the scan
 * is terminal, which ends the sequence. Scoped to the organization (another org's scan -> not_found).
 */
export async function* watchScanEvents(
  input: { orgId: string; scanId: string; signal?: AbortSignal; lastEventId?: string | null; safetyReadMs?: number },
  prisma?: Prisma,
): AsyncGenerator<ScanEvent> {
  const db = prisma ?? (await getPrisma());
  await getScanRowOrThrow(input, db);
  // Subscribe before the first read, so nothing that happens between the read and the wait is missed.
  const changes = await subscribeScanChanges({ scanId: input.scanId });
  try {
    let cursor = await resumeCursor(db, input.scanId, input.lastEventId);
    const position = () => cursor?.id ?? SCAN_EVENTS_START;
    let lastProgress = "";
    let lastEmit = Date.now();
    const deadline = Date.now() + SCAN_EVENTS_MAX_MS;
    while (!input.signal?.aborted && Date.now() < deadline) {
      const scan = await getScanRowOrThrow(input, db);
      for (;;) {
        const page = await db.findingOccurrence.findMany({
          where: {
            scanId: scan.id,
            ...(cursor ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] } : {}),
          },
          include: { finding: true },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: SCAN_EVENTS_PAGE,
        });
        for (const o of page) {
          cursor = { createdAt: o.createdAt, id: o.id };
          lastEmit = Date.now();
          yield { event: "finding", finding: o.finding, id: o.id };
          if (input.signal?.aborted) return;
        }
        if (page.length < SCAN_EVENTS_PAGE) break;
      }
      if (isTerminalScanStatus(scan.status)) {
        yield { event: "done", scan, id: position() };
        return;
      }
      const live = parseLiveState(scan.live);
      const key = `${scan.status}:${scan.pagesDone}:${scan.pagesTotal}:${live.loading.join(" ")}:${live.findings.length}:${live.findings.reduce((n, f) => n + f.pages, 0)}`;
      if (key !== lastProgress) {
        lastProgress = key;
        lastEmit = Date.now();
        yield { event: "progress", scan, id: position() };
      } else if (Date.now() - lastEmit >= SCAN_EVENTS_HEARTBEAT_MS) {
        lastEmit = Date.now();
        yield { event: "heartbeat", id: position() };
      }
      const quietFor = SCAN_EVENTS_HEARTBEAT_MS - (Date.now() - lastEmit);
      await changes.next(Math.max(1, Math.min(input.safetyReadMs ?? SCAN_EVENTS_SAFETY_READ_MS, quietFor)), input.signal);
    }
  } finally {
    changes.close();
  }
}

async function resumeCursor(db: Prisma, scanId: string, lastEventId?: string | null): Promise<Cursor | null> {
  const id = lastEventId?.trim();
  if (!id || id === SCAN_EVENTS_START || id.length > 64) return null;
  const row = await db.findingOccurrence.findFirst({ where: { id, scanId }, select: { id: true, createdAt: true } });
  return row;
}
