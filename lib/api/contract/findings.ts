import { z } from "zod";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp } from "../schemas/common";
import { findingResolutionSchema, findingStatusSchema, pillarSchema, severitySchema } from "../schemas/enums";

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
      description: "sha256 of (domain, pillar, rule, subject key): the same problem keeps its fingerprint across scans.",
    }),
    subject_kind: z.enum(["asset", "site", "page", "element"]).nullable().meta({
      description: "What has to change: an asset (file, cookie, header, host), the site (rule alone), a page template or an element pattern.",
    }),
    subject: z.string().nullable().meta({ description: "The subject key: asset URL or name, page template or element selector; empty for site-wide rules." }),
    instances_count: z.number().int().meta({ description: "Observations (page × element or asset) the latest scan made." }),
    pages_count: z.number().int().meta({ description: "Distinct pages among the instances." }),
    accepted_until: timestamp.nullable().meta({ description: "An accepted risk re-opens after this moment." }),
    status: findingStatusSchema,
    assignee_id: z.string().nullable(),
    first_seen_at: timestamp,
    last_seen_at: timestamp,
    last_scan_id: z.string().nullable(),
    resolved_at: timestamp.nullable(),
    resolution: findingResolutionSchema.nullable().meta({
      description:
        "How it became resolved: `scan` (a scan no longer saw it), `verified` (a re-check passed), `claimed_upstream` (the linked issue was closed), `manual` (a member). Null unless resolved.",
    }),
    regression: z.boolean().meta({ description: "It had been resolved and a later scan saw it again." }),
    regressed_at: timestamp.nullable(),
    regression_count: z.number().int(),
  })
  .meta({ id: "Finding" });

const statusList = z
  .string()
  .max(200)
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(findingStatusSchema).min(1).max(5))
  .meta({ description: "One status or a comma-separated list (any of them), e.g. `open,in_progress`.", example: "open,in_progress" });

export const listFindingsQuery = paginationQuery.extend({
  domain_id: z.string().max(64).optional(),
  scan_id: z.string().max(64).optional().meta({ description: "Only findings that this scan saw." }),
  pillar: pillarSchema.optional(),
  severity: severitySchema.optional(),
  status: statusList.optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Case-insensitive text search in title, rule, URL and the page URLs of its instances." }),
  url: z.string().trim().min(1).max(2_000).optional().meta({ description: "Only findings with an instance on a page whose URL contains this (case-insensitive)." }),
});

export const findingInstanceSchema = z
  .object({
    id: z.string(),
    finding_id: z.string(),
    url: z.string().meta({ description: "The page it was seen on." }),
    selector: z.string().nullable().meta({ description: "The element on that page, for element findings." }),
    asset: z.string().nullable().meta({ description: "The asset as seen from that page (file URL, cookie, header, host)." }),
    snippet: z.string().nullable().meta({ description: "Raw excerpt from the scanned site (≤ 500 characters): untrusted, escape it when rendering." }),
    last_scan_id: z.string().nullable(),
    first_seen_at: timestamp,
    last_seen_at: timestamp,
  })
  .meta({ id: "FindingInstance" });

const justification = z
  .string()
  .trim()
  .min(1)
  .max(2_000)
  .meta({ description: "Why: required when setting `false_positive` or `accepted_risk`; kept in the finding's history." });
const acceptedUntil = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .meta({ description: "With `accepted_risk` only: the risk re-opens after this date (ISO date or date-time, in the future)." });

function requireJustification(b: { status?: string; justification?: string }, ctx: z.RefinementCtx) {
  if ((b.status === "false_positive" || b.status === "accepted_risk") && !b.justification) {
    ctx.addIssue({ code: "custom", path: ["justification"], message: `A justification is required to set status ${b.status}.` });
  }
}

export const updateFindingBody = z
  .object({
    status: findingStatusSchema.optional(),
    severity: severitySchema.nullable().optional().meta({ description: "Override the engine's severity; null restores it." }),
    assignee_id: z.string().max(64).nullable().optional().meta({ description: "A member of the organization, or null to unassign." }),
    justification: justification.optional(),
    accepted_until: acceptedUntil.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Nothing to update." })
  .superRefine(requireJustification);

export const bulkUpdateFindingsBody = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(500),
    status: findingStatusSchema.optional(),
    severity: severitySchema.optional(),
    justification: justification.optional(),
    accepted_until: acceptedUntil.optional(),
  })
  .strict()
  .refine((b) => b.status !== undefined || b.severity !== undefined, { message: "Give status and/or severity.", path: ["status"] })
  .superRefine(requireJustification);

export const bulkUpdateResultSchema = z.object({ updated: z.number().int() }).meta({ id: "BulkUpdateResult" });

export const listFindingsContract = defineContract({
  id: "findings.list",
  method: "GET",
  path: "/api/v1/findings",
  summary: "List findings",
  description:
    "One finding per root cause (domain, rule, subject), stored by fingerprint and updated by every scan; its " +
    "pages are its instances (`instances_count`, `pages_count`, `GET /findings/{id}/instances`). Filter by domain, " +
    "scan, pillar, severity, status (comma list), page URL or text; newest first, cursor-paginated.",
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
    "Set its status, override its severity, or assign it. `accepted_risk` and `false_positive` need a " +
    "`justification` (422 without) and stick: later scans never reopen or resolve them; an `accepted_until` date " +
    "re-opens an accepted risk once it has passed. Every status change is kept in the finding's history.",
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
  description:
    "Up to 500 ids, all of this organization (otherwise 404 and nothing changes). `false_positive` and " +
    "`accepted_risk` need a `justification` (422 without).",
  tags: ["findings"],
  auth: "key-or-session",
  scope: "findings:write",
  body: bulkUpdateFindingsBody,
  response: { kind: "json", schema: bulkUpdateResultSchema },
});

export const listFindingInstancesContract = defineContract({
  id: "findings.instances",
  method: "GET",
  path: "/api/v1/findings/{id}/instances",
  summary: "List a finding's instances",
  description: "Where the latest scan that saw the finding saw it: page, element or asset, snippet. Newest first, cursor-paginated.",
  tags: ["findings"],
  auth: "key-or-session",
  scope: "findings:read",
  params: idParam,
  query: paginationQuery,
  response: { kind: "list", item: findingInstanceSchema },
});
