import { z } from "zod";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp } from "../schemas/common";
import { findingStatusSchema, pillarSchema, severitySchema } from "../schemas/enums";

export const findingSchema = z
  .object({
    id: z.string(),
    domain_id: z.string(),
    pillar: pillarSchema,
    rule: z.string().meta({ description: "Stable kebab-case check id, e.g. `missing-csp`, `axe-image-alt`." }),
    severity: severitySchema.meta({ description: "Effective severity: a person's override if set, else the engine's." }),
    severity_overridden: z.boolean(),
    title: z.string(),
    description: z.string(),
    url: z.string().meta({ description: "First URL it was seen on." }),
    urls: z.array(z.string()).meta({ description: "Every URL the latest scan saw it on." }),
    evidence: z.string().nullable().meta({ description: "Raw text from the scanned site: untrusted, escape it when rendering." }),
    selector: z.string().nullable(),
    fix: z.string(),
    fingerprint: z.string().meta({
      description: "sha256 of (domain, pillar, rule, path template, selector/key): the same problem keeps its fingerprint across scans.",
    }),
    status: findingStatusSchema,
    assignee_id: z.string().nullable(),
    first_seen_at: timestamp,
    last_seen_at: timestamp,
    last_scan_id: z.string().nullable(),
    resolved_at: timestamp.nullable(),
    regression: z.boolean().meta({ description: "It had been resolved and a later scan saw it again." }),
    regressed_at: timestamp.nullable(),
    regression_count: z.number().int(),
  })
  .meta({ id: "Finding" });

export const listFindingsQuery = paginationQuery.extend({
  domain_id: z.string().max(64).optional(),
  scan_id: z.string().max(64).optional().meta({ description: "Only findings that this scan saw." }),
  pillar: pillarSchema.optional(),
  severity: severitySchema.optional(),
  status: findingStatusSchema.optional(),
  q: z.string().trim().min(1).max(200).optional().meta({ description: "Case-insensitive text search in title, rule and URL." }),
});

export const updateFindingBody = z
  .object({
    status: findingStatusSchema.optional(),
    severity: severitySchema.nullable().optional().meta({ description: "Override the engine's severity; null restores it." }),
    assignee_id: z.string().max(64).nullable().optional().meta({ description: "A member of the organization, or null to unassign." }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Nothing to update." });

export const bulkUpdateFindingsBody = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(500),
    status: findingStatusSchema.optional(),
    severity: severitySchema.optional(),
  })
  .strict()
  .refine((b) => b.status !== undefined || b.severity !== undefined, { message: "Give status and/or severity.", path: ["status"] });

export const bulkUpdateResultSchema = z.object({ updated: z.number().int() }).meta({ id: "BulkUpdateResult" });

export const listFindingsContract = defineContract({
  id: "findings.list",
  method: "GET",
  path: "/api/v1/findings",
  summary: "List findings",
  description:
    "Findings are stored once per domain by fingerprint and updated by every scan. Filter by domain, scan, " +
    "pillar, severity, status or text; newest first, cursor-paginated.",
  tags: ["findings"],
  auth: "key-or-session",
  scope: "findings:read",
  query: listFindingsQuery,
  response: { kind: "list", item: findingSchema },
});

export const getFindingContract = defineContract({
  id: "findings.get",
  method: "GET",
  path: "/api/v1/findings/{id}",
  summary: "Get a finding",
  tags: ["findings"],
  auth: "key-or-session",
  scope: "findings:read",
  params: idParam,
  response: { kind: "json", schema: findingSchema },
});

export const updateFindingContract = defineContract({
  id: "findings.update",
  method: "PATCH",
  path: "/api/v1/findings/{id}",
  summary: "Triage a finding",
  description:
    "Set its status, override its severity, or assign it. `accepted_risk` and `false_positive` stick: later " +
    "scans never reopen or resolve them.",
  tags: ["findings"],
  auth: "key-or-session",
  scope: "findings:write",
  params: idParam,
  body: updateFindingBody,
  response: { kind: "json", schema: findingSchema },
});

export const bulkUpdateFindingsContract = defineContract({
  id: "findings.bulk",
  method: "POST",
  path: "/api/v1/findings/bulk",
  summary: "Triage many findings at once",
  description: "Up to 500 ids, all of this organization (otherwise 404 and nothing changes).",
  tags: ["findings"],
  auth: "key-or-session",
  scope: "findings:write",
  body: bulkUpdateFindingsBody,
  response: { kind: "json", schema: bulkUpdateResultSchema },
});
