import { z } from "zod";
import { defineContract } from "../define-contract";
import { paginationQuery, timestamp } from "../schemas/common";

export const auditEventSchema = z
  .object({
    id: z.string(),
    action: z.string().meta({ description: "`<resource>.<verb>`, e.g. `domain.create`, `policy.apply`, `api_key.revoke`." }),
    actor: z.object({
      type: z.enum(["user", "api_key", "system"]),
      id: z.string().nullable(),
      label: z.string().meta({ description: "The user's e-mail, the key's name and prefix, or `Plumb` for the system." }),
    }),
    ip: z.string().nullable(),
    target_type: z.string(),
    target_id: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    metadata: z.unknown().nullable(),
    request_id: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: "AuditEvent" });

const optionalText = z.string().trim().min(1).max(200).optional();
const filterFields = {
    actor_id: optionalText.meta({ description: "A user id or an API key id." }),
    action: optionalText.meta({ description: "Exact action, or a prefix ending in a dot (`domain.`)." }),
    target_type: optionalText,
    target_id: optionalText,
    from: z.iso.datetime({ offset: true }).optional().meta({ description: "From this moment (inclusive)." }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: "Until this moment (exclusive)." }),
};
const fromBeforeTo = (q: { from?: string; to?: string }) => !q.from || !q.to || new Date(q.from) < new Date(q.to);
export const auditEventFiltersQuery = z.object(filterFields).refine(fromBeforeTo, { message: "from must be before to.", path: ["from"] });
const listQuery = paginationQuery.extend(filterFields).refine(fromBeforeTo, { message: "from must be before to.", path: ["from"] });

export const listAuditEventsContract = defineContract({
  id: "audit-events.list",
  method: "GET",
  path: "/api/v1/audit-events",
  summary: "List audit events",
  description: `Every state change in the organization, newest first: who (user, API key or the system), from which address, what and the state before/after. Kept ${"`PLUMB_AUDIT_RETENTION_DAYS`"} days.`,
  tags: ["audit"],
  auth: "key-or-session",
  scope: "audit:read",
  query: listQuery,
  response: { kind: "list", item: auditEventSchema },
});

export const exportAuditEventsContract = defineContract({
  id: "audit-events.export",
  method: "GET",
  path: "/api/v1/audit-events/export",
  summary: "Export audit events as CSV",
  description: "The same filters as the list; RFC 4180 CSV, cells that a spreadsheet would run as formulas prefixed with an apostrophe. Up to 100,000 rows.",
  tags: ["audit"],
  auth: "key-or-session",
  scope: "audit:read",
  query: auditEventFiltersQuery,
  response: { kind: "raw", contentType: "text/csv", description: "The audit log as CSV, with a header row." },
});
