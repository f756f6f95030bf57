import { z } from "zod";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp } from "../schemas/common";
import { pillarSchema, scanStatusSchema } from "../schemas/enums";
import { findingSchema } from "./findings";

const severityCountsSchema = z
  .object({ critical: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int(), info: z.number().int() })
  .meta({ id: "SeverityCounts" });

export const scanSchema = z
  .object({
    id: z.string(),
    domain_id: z.string(),
    status: scanStatusSchema,
    trigger: z.enum(["manual", "schedule", "api", "verification"]),
    pillars: z.array(pillarSchema),
    max_pages: z.number().int(),
    progress: z.object({ pages_done: z.number().int(), pages_total: z.number().int() }),
    scores: z.partialRecord(pillarSchema, z.number()).nullable().meta({ description: "0–100 per pillar scanned." }),
    score: z.number().int().nullable(),
    grade: z.string().nullable().meta({ description: "A+..F, capped by the worst open severity." }),
    security_grade: z.string().nullable(),
    summary: severityCountsSchema.meta({ description: "Findings of this scan by severity (so far, while it runs)." }),
    error: z.string().nullable(),
    credits_reserved: z.number().int(),
    credits_charged: z.number().int(),
    created_at: timestamp,
    started_at: timestamp.nullable(),
    finished_at: timestamp.nullable(),
    duration_ms: z.number().int().nullable(),
  })
  .meta({ id: "Scan" });

export const scanDetailSchema = scanSchema
  .extend({ findings: z.array(findingSchema).meta({ description: "Findings this scan has seen so far, worst first (at most 500)." }) })
  .meta({ id: "ScanDetail" });

export const createScanBody = z
  .object({
    domain_id: z.string().min(1).max(64),
    pillars: z.array(pillarSchema).min(1).max(7).optional().meta({ description: "Default: all seven. Each costs 1 credit." }),
    max_pages: z.number().int().min(1).max(100).optional().meta({ description: "Pages crawled, 1–100 (default 10)." }),
  })
  .strict();

export const createScanResultSchema = z
  .object({ scan: scanSchema, credits_remaining: z.number().int() })
  .meta({ id: "CreateScanResult" });

export const listScansQuery = paginationQuery.extend({
  domain_id: z.string().max(64).optional(),
  status: scanStatusSchema.optional(),
});

export const createScanContract = defineContract({
  id: "scans.create",
  method: "POST",
  path: "/api/v1/scans",
  summary: "Start a scan",
  description:
    "Costs 1 credit per pillar (all seven pillars: 7 credits), reserved in the same transaction that accepts " +
    "the scan and refunded in full if it fails or is canceled. The domain must be verified (409 " +
    "`domain_not_verified`); without enough credits the answer is 402 `insufficient_credits` with `cost` and " +
    "`balance`. Send an `Idempotency-Key` header to retry safely: a repeat returns the first response and " +
    "charges nothing. The scan runs in the background; poll GET /scans/{id} or follow GET /scans/{id}/events.",
  tags: ["scans"],
  auth: "key-or-session",
  scope: "scans:write",
  body: createScanBody,
  response: { kind: "json", schema: createScanResultSchema },
  status: 202,
  idempotent: true,
  errors: ["domain_not_verified", "insufficient_credits", "conflict"],
});

export const listScansContract = defineContract({
  id: "scans.list",
  method: "GET",
  path: "/api/v1/scans",
  summary: "List scans",
  tags: ["scans"],
  auth: "key-or-session",
  scope: "scans:read",
  query: listScansQuery,
  response: { kind: "list", item: scanSchema },
});

export const getScanContract = defineContract({
  id: "scans.get",
  method: "GET",
  path: "/api/v1/scans/{id}",
  summary: "Get a scan with its progress, scores and findings",
  tags: ["scans"],
  auth: "key-or-session",
  scope: "scans:read",
  params: idParam,
  response: { kind: "json", schema: scanDetailSchema },
});

export const cancelScanContract = defineContract({
  id: "scans.cancel",
  method: "POST",
  path: "/api/v1/scans/{id}/cancel",
  summary: "Cancel a queued or running scan",
  description: "Refunds the credits the scan reserved. A scan that already finished answers 409 `conflict`.",
  tags: ["scans"],
  auth: "key-or-session",
  scope: "scans:write",
  params: idParam,
  response: { kind: "json", schema: scanSchema },
  errors: ["conflict"],
});

export const scanEventsContract = defineContract({
  id: "scans.events",
  method: "GET",
  path: "/api/v1/scans/{id}/events",
  summary: "Follow a scan's progress (Server-Sent Events)",
  description:
    "A `text/event-stream`: `progress` (the Scan) when its status or page counts change, `finding` (a " +
    "Finding) for each finding as the scan records it, and `done` (the final Scan), after which the stream " +
    "ends. Comment lines are heartbeats.",
  tags: ["scans"],
  auth: "key-or-session",
  scope: "scans:read",
  params: idParam,
  response: { kind: "raw", contentType: "text/event-stream", description: "Server-Sent Events: progress, finding, done." },
});

export const scanFixContract = defineContract({
  id: "scans.fix",
  method: "GET",
  path: "/api/v1/scans/{id}/fix",
  summary: "Download SECURITY-FIX.md for a scan",
  description:
    "Markdown with YAML front matter (`format: security-fix/v1`) followed by numbered fixes, worst first, " +
    "for the findings of this scan that are still open or in progress.",
  tags: ["scans"],
  auth: "key-or-session",
  scope: "scans:read",
  params: idParam,
  response: { kind: "raw", contentType: "text/markdown", description: "SECURITY-FIX.md (attachment)." },
});
