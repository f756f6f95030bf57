// The outbox dispatcher: sends committed JobOutbox rows through lib/jobs/send.ts and stamps them sent. Runs
// after each commit that wrote rows (flushOutbox), once at start (rows a killed process committed but never
// sent) and from the sweeper cron (inngest/functions/outbox-sweep.ts) for rows left unsent over a minute.
// Two dispatchers sending the same row (two processes, or a crash after the send) are harmless: the row's key
// is the event id, which Inngest and the embedded engine both deduplicate on.
import { getPrisma, type Prisma } from "@/lib/db";
import { jobEventSchemas, isJobEventName } from "./events";
import { registerOutboxDispatcher } from "./outbox/flush";
import { deliverEvents, type EventPayload } from "./send";

export interface DispatchOptions {
  prisma?: Prisma;
  /** Only rows committed at least this long ago (the sweeper leaves fresh rows to their own process). */
  olderThanMs?: number;
  /** Rows per batch; batches repeat until the outbox is drained or maxBatches is reached. */
  batchSize?: number;
  maxBatches?: number;
  now?: () => Date;
}

export interface DispatchResult {
  sent: number;
  failed: number;
  invalid: number;
}

const MAX_ERROR = 1_000;

export async function dispatchOutbox(opts: DispatchOptions = {}): Promise<DispatchResult> {
  const db = opts.prisma ?? (await getPrisma());
  const batchSize = opts.batchSize ?? 200;
  const maxBatches = opts.maxBatches ?? 50;
  const now = opts.now ?? (() => new Date());
  const result: DispatchResult = { sent: 0, failed: 0, invalid: 0 };
  const failedIds = new Set<string>();

  for (let batch = 0; batch < maxBatches; batch++) {
    const cutoff = new Date(now().getTime() - (opts.olderThanMs ?? 0));
    const rows = await db.jobOutbox.findMany({
      where: { sentAt: null, createdAt: { lte: cutoff }, ...(failedIds.size ? { id: { notIn: [...failedIds] } } : {}) },
      orderBy: { createdAt: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) break;

    const events: EventPayload[] = [];
    const ids: string[] = [];
    for (const row of rows) {
      const parsed = isJobEventName(row.event) ? jobEventSchemas[row.event].safeParse(row.data) : null;
      if (!parsed?.success) {
        // Written by an older or newer version that knows another event: sending it can never succeed here.
        result.invalid++;
        failedIds.add(row.id);
        await db.jobOutbox.update({
          where: { id: row.id },
          data: { attempts: { increment: 1 }, lastError: `not a valid ${row.event} event in this version`.slice(0, MAX_ERROR) },
        });
        continue;
      }
      events.push({ name: row.event, data: parsed.data as Record<string, unknown>, id: row.key, ts: row.createdAt.getTime() });
      ids.push(row.id);
    }
    if (events.length > 0) {
      try {
        await deliverEvents(events);
        await db.jobOutbox.updateMany({ where: { id: { in: ids } }, data: { sentAt: now(), attempts: { increment: 1 }, lastError: null } });
        result.sent += ids.length;
      } catch (err) {
        result.failed += ids.length;
        for (const id of ids) failedIds.add(id);
        await db.jobOutbox.updateMany({
          where: { id: { in: ids } },
          data: { attempts: { increment: 1 }, lastError: ((err as Error).message || "send failed").slice(0, MAX_ERROR) },
        });
        console.warn(`[jobs] could not send ${ids.length} outbox row(s), the sweeper will retry: ${(err as Error).message}`);
      }
    }
    if (rows.length < batchSize) break;
  }
  return result;
}

const g = globalThis as unknown as { __plumbOutboxQueued?: Promise<DispatchResult> | null; __plumbOutboxCurrent?: Promise<unknown> };

/**
 * One dispatch at a time per process; calls that arrive while one runs share the next one (which sees every
 * row committed before it starts), so a burst of commits costs two queries, not one per commit.
 */
export function requestDispatch(): Promise<DispatchResult> {
  if (g.__plumbOutboxQueued) return g.__plumbOutboxQueued;
  const previous = g.__plumbOutboxCurrent ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(() => {
      g.__plumbOutboxQueued = null;
      return dispatchOutbox();
    });
  g.__plumbOutboxQueued = next;
  g.__plumbOutboxCurrent = next;
  return next;
}

/** The sweeper's pass: rows left unsent for longer than `olderThanMs` (default 60 s). */
export function sweepOutbox(opts: { olderThanMs?: number; prisma?: Prisma } = {}): Promise<DispatchResult> {
  return dispatchOutbox({ prisma: opts.prisma, olderThanMs: opts.olderThanMs ?? 60_000 });
}

/** Makes flushOutbox() in this process dispatch through requestDispatch (done by lib/jobs and startJobEngine). */
export function installOutboxDispatcher(): void {
  registerOutboxDispatcher(requestDispatch);
}
