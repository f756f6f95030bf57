import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "./record-audit-event";
import { csvRow } from "./csv";
import { iterateAuditEvents, type AuditEventFilters } from "./list-audit-events";

export const AUDIT_CSV_HEADER = ["time", "action", "actor_type", "actor_id", "actor", "ip", "target_type", "target_id", "before", "after", "metadata", "request_id"];

/**
 * The filtered audit log as CSV (RFC 4180, formula cells neutralised), streamed in pages. The export itself is
 * audited (`audit.export`) before the first row, so it appears in the next export.
 */
export async function exportAuditEventsCsv(actor: Actor, input: { filters: AuditEventFilters }, prisma?: Prisma): Promise<ReadableStream<Uint8Array>> {
  const db = prisma ?? (await getPrisma());
  await recordAuditEvent(db, actor, {
    action: "audit.export",
    targetType: "organization",
    targetId: actor.orgId,
    metadata: JSON.parse(JSON.stringify(input.filters)) as Record<string, string>,
  });
  const rows = iterateAuditEvents({ orgId: actor.orgId, filters: input.filters }, db);
  const enc = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(enc.encode(csvRow(AUDIT_CSV_HEADER)));
        return;
      }
      let chunk = "";
      for (let i = 0; i < 200; i++) {
        const next = await rows.next();
        if (next.done) {
          if (chunk) controller.enqueue(enc.encode(chunk));
          controller.close();
          return;
        }
        const r = next.value;
        chunk += csvRow([
          r.createdAt.toISOString(),
          r.action,
          r.actorUserId ? "user" : r.actorApiKeyId ? "api_key" : "system",
          r.actorUserId ?? r.actorApiKeyId ?? "",
          r.actorUser?.email ?? (r.actorApiKey ? `${r.actorApiKey.name} (${r.actorApiKey.prefix}…)` : "Plumb"),
          r.ip ?? "",
          r.targetType,
          r.targetId ?? "",
          r.before ?? "",
          r.after ?? "",
          r.metadata ?? "",
          r.requestId ?? "",
        ]);
      }
      controller.enqueue(enc.encode(chunk));
    },
  });
}
