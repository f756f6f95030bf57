import type { PrismaNS } from "@/lib/db";
import type { Actor } from "../audit/record-audit-event";

/** One line of a task's history (who, what changed from/to). actor null: Plumb itself (auto-done). */
export async function recordTaskEvent(
  tx: PrismaNS.TransactionClient,
  input: { taskId: string; orgId: string; actor: Actor | null; kind: string; from?: string | null; to?: string | null; note?: string | null; now?: Date },
): Promise<void> {
  await tx.taskEvent.create({
    data: {
      taskId: input.taskId,
      organizationId: input.orgId,
      actorId: input.actor?.userId ?? null,
      apiKeyId: input.actor?.apiKeyId ?? null,
      kind: input.kind,
      fromValue: input.from ?? null,
      toValue: input.to ?? null,
      note: input.note?.slice(0, 2_000) ?? null,
      createdAt: input.now ?? new Date(),
    },
  });
}
