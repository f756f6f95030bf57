import type { PrismaNS } from "@/lib/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { recordTaskEvent } from "./record-task-event";

const HOW: Record<string, string> = { scan: "a scan no longer saw them", verified: "a re-check verified the fix", manual: "a member resolved them" };

/**
 * Moves to done every open task whose linked findings are now all resolved, with a history line; call it in
 * the transaction that resolved `findingIds` (scan settle, re-check, triage), so both commit together.
 * Returns the ids of the tasks it completed.
 */
export async function completeTasksOfResolvedFindings(
  tx: PrismaNS.TransactionClient,
  input: { findingIds: string[]; how: "scan" | "verified" | "manual"; now: Date },
): Promise<string[]> {
  if (input.findingIds.length === 0) return [];
  const candidates = await tx.task.findMany({
    where: {
      status: { not: "done" },
      findings: { some: { findingId: { in: input.findingIds } }, every: { finding: { status: "resolved" } } },
    },
    select: { id: true, organizationId: true, status: true },
  });
  const done: string[] = [];
  for (const t of candidates) {
    // Guarded on the status: a person closing it in the meantime keeps their own history line.
    const moved = await tx.task.updateMany({ where: { id: t.id, status: { not: "done" } }, data: { status: "done", doneAt: input.now } });
    if (moved.count === 0) continue;
    await recordTaskEvent(tx, { taskId: t.id, orgId: t.organizationId, actor: null, kind: "auto_done", from: t.status, to: "done", note: `All linked findings are resolved: ${HOW[input.how]}.`, now: input.now });
    await recordAuditEvent(tx, { orgId: t.organizationId, userId: null, apiKeyId: null, requestId: null }, {
      action: "task.auto_done",
      targetType: "task",
      targetId: t.id,
      metadata: { from: t.status, to: "done", resolved_by: input.how },
    });
    done.push(t.id);
  }
  return done;
}
