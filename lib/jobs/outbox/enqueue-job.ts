import { z } from "zod";
import type { PrismaNS } from "@/lib/db";
import { jobEventSchemas, type JobEventData, type JobEventName } from "../events";

/** Anything that can write the outbox: the transaction client of the state change (or a plain client). */
export type OutboxWriter = Pick<PrismaNS.TransactionClient, "jobOutbox">;

export interface EnqueueJobInput<E extends JobEventName> {
  /** Which work to start, e.g. "plumb/scan.requested" (lib/jobs/events.ts lists them). */
  event: E;
  /** The event payload, validated against the event's schema before the row is written. */
  data: JobEventData<E>;
  /**
   * Deduplication key, unique across the outbox and used as the event id on the queue: enqueueing the same
   * key twice writes one row, and a row sent twice starts its work once. Name the thing the work is for:
   * `scan:<scanId>`, `export:<reportExportId>`.
   */
  key: string;
}

const keySchema = z.string().min(1).max(300);

/**
 * Announces background work in the caller's transaction: writes a JobOutbox row that commits (or rolls back)
 * with the state change. Nothing is sent here — after the commit call `flushOutbox()`; if the process dies
 * first, the sweeper sends the row later. Throws a ZodError for an invalid payload (nothing is written).
 */
export async function enqueueJob<E extends JobEventName>(
  tx: OutboxWriter,
  input: EnqueueJobInput<E>,
): Promise<{ key: string; created: boolean }> {
  const data = jobEventSchemas[input.event].parse(input.data) as Record<string, unknown>;
  const key = keySchema.parse(input.key);
  const organizationId = typeof data.organizationId === "string" ? data.organizationId : null;
  // ON CONFLICT DO NOTHING rather than a unique violation, which on PostgreSQL would abort the caller's transaction.
  const { count } = await tx.jobOutbox.createMany({
    data: [{ event: input.event, data: data as PrismaNS.InputJsonObject, key, organizationId }],
    skipDuplicates: true,
  });
  return { key, created: count === 1 };
}

/** enqueueJob for many jobs in one statement (a scheduler's batch); same validation and deduplication. */
export async function enqueueJobs<E extends JobEventName>(tx: OutboxWriter, inputs: EnqueueJobInput<E>[]): Promise<{ created: number }> {
  if (inputs.length === 0) return { created: 0 };
  const rows = inputs.map((input) => {
    const data = jobEventSchemas[input.event].parse(input.data) as Record<string, unknown>;
    return {
      event: input.event,
      data: data as PrismaNS.InputJsonObject,
      key: keySchema.parse(input.key),
      organizationId: typeof data.organizationId === "string" ? data.organizationId : null,
    };
  });
  const { count } = await tx.jobOutbox.createMany({ data: rows, skipDuplicates: true });
  return { created: count };
}
