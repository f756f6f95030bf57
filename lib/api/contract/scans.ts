import { z } from "zod";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp } from "../schemas/common";
import { pillarSchema, scanStatusSchema } from "../schemas/enums";
import { findingSchema } from "./findings";
import { deviceSchema, devicesSchema } from "@/lib/scanner/devices";

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
    devices: z.array(deviceSchema).meta({
      description: "Device profiles the pages are loaded as, primary first (every check runs on its load; the others reload the pages for the device-dependent checks).",
    }),
    max_pages: z.number().int(),
    consent: z.boolean().meta({ description: "Before/after consent: each page was also loaded accepting and rejecting its consent banner." }),
    progress: z.object({ pages_done: z.number().int(), pages_total: z.number().int() }),
    scores: z.partialRecord(pillarSchema, z.number()).nullable().meta({ description: "0–100 per pillar scanned." }),
    score: z.number().int().nullable(),
    grade: z.string().nullable().meta({ description: "A+..F, capped by the worst open severity." }),
    security_grade: z.string().nullable(),
    gates: z
      .array(z.object({ policy_id: z.string(), name: z.string(), passed: z.boolean(), reasons: z.array(z.string()) }))
      .nullable()
      .meta({ description: "Quality gate verdicts (gate policies), set shortly after the scan succeeds; null before or without gates." }),
    summary: severityCountsSchema.meta({ description: "Findings of this scan by severity (so far, while it runs)." }),
    error: z.string().nullable(),
    credits_reserved: z.number().int(),
    credits_charged: z.number().int(),
    created_at: timestamp,
    started_at: timestamp.nullable(),
    finished_at: timestamp.nullable(),
    duration_ms: z.number().int().nullable(),
    live: z
      .object({
        loading: z.array(z.string()).meta({ description: "Pages being loaded right now." }),
        findings_so_far: z.number().int(),
        findings: z.array(
          z.object({ pillar: pillarSchema, rule: z.string(), severity: z.enum(["critical", "high", "medium", "low", "info"]), title: z.string(), pages: z.number().int() }),
        ),
      })
      .nullable()
      .meta({
        description:
          "While the scan runs: the pages loading and the problems found so far, previewed page by page (the final findings, " +
          "deduplicated across pages and with the site-wide checks, are recorded when every page is in). Null otherwise.",
      }),
  })
  .meta({ id: "Scan" });

const consentSnapshotSchema = z
  .object({
    cookies: z.array(z.object({ name: z.string(), domain: z.string(), third_party: z.boolean() })),
    hosts: z.array(z.object({ host: z.string(), third_party: z.boolean(), requests: z.number().int() })),
  })
  .meta({ id: "ConsentSnapshot" });

export const consentReportSchema = z
  .object({
    pages: z.array(
      z.object({
        url: z.string(),
        cmp: z.string().nullable().meta({ description: "The consent manager autoconsent recognised (e.g. Onetrust, Cybotcookiebot, HEURISTIC-REJECT); null: no banner found." }),
        before: consentSnapshotSchema.meta({ description: "Cookies stored and hosts contacted before any choice." }),
        accept: z
          .object({ done: z.boolean(), error: z.string().nullable(), added: consentSnapshotSchema.meta({ description: "What appeared only after Accept." }) })
          .nullable(),
        reject: z
          .object({ done: z.boolean(), offered: z.boolean(), error: z.string().nullable(), added: consentSnapshotSchema.meta({ description: "What appeared despite Reject." }) })
          .nullable()
          .meta({ description: "Null when no banner was found (the reject load is skipped)." }),
      }),
    ),
    ms: z.number().int().meta({ description: "Time the consent loads took in all." }),
  })
  .meta({ id: "ConsentReport" });

export const scanDetailSchema = scanSchema
  .extend({
    findings: z.array(findingSchema).meta({ description: "Findings this scan has seen so far, worst first (at most 500)." }),
    device_findings: z
      .array(z.object({ finding_id: z.string(), devices: z.array(deviceSchema) }))
      .meta({ description: "The findings of this scan that depend on the device (metrics, tap targets, content width, viewport…), with the devices whose loads showed them. Device-independent findings are not listed." }),
    consent_report: consentReportSchema.nullable().meta({ description: "Before and after consent, for a scan with `consent`; null otherwise or before it finished." }),
  })
  .meta({ id: "ScanDetail" });

export const createScanBody = z
  .object({
    domain_id: z.string().min(1).max(64),
    pillars: z.array(pillarSchema).min(1).max(7).optional().meta({ description: "Default: all seven. Each costs 1 credit." }),
    max_pages: z.number().int().min(1).max(100).optional().meta({ description: "Pages crawled, 1–100 (default 10)." }),
    devices: devicesSchema
      .optional()
      .meta({
        description:
          "Device profiles to load the pages as: `mobile` (412×823, DPR 1.75, touch, Android user agent) and/or `desktop` (1350×940, DPR 1). " +
          "Default: the domain's scan settings (`devices`), else `[\"mobile\"]`. A second device costs no extra credit.",
      }),
    consent: z
      .boolean()
      .optional()
      .meta({
        description:
          "Before/after consent: also load each page accepting and rejecting its consent banner (@duckduckgo/autoconsent) and report what " +
          "changed. Default: the domain's scan setting, off unless set — it adds up to two page loads per page. Same credit cost.",
      }),
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
    "ends. Comment lines are heartbeats. A client connecting late first receives every finding recorded so " +
    "far. Each event's `id` is its position in the stream: reconnecting with `Last-Event-ID` (EventSource does " +
    "this by itself) or `?last_event_id=` resumes after it. Changes are pushed (PostgreSQL LISTEN/NOTIFY), not polled.",
  tags: ["scans"],
  auth: "key-or-session",
  scope: "scans:read",
  params: idParam,
  query: z.object({ last_event_id: z.string().max(64).optional().meta({ description: "Resume after this event id (as the Last-Event-ID header)." }) }),
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

const scoreDeltaSchema = z
  .object({ base: z.number().nullable(), target: z.number().nullable(), delta: z.number().nullable().meta({ description: "target − base; null unless both scans scored it." }) })
  .meta({ id: "ScoreDelta" });

export const scanComparisonSchema = z
  .object({
    domain_id: z.string(),
    base: scanSchema.meta({ description: "The older of the two scans." }),
    target: scanSchema.meta({ description: "The newer of the two scans." }),
    overall: scoreDeltaSchema,
    pillars: z.partialRecord(pillarSchema, scoreDeltaSchema),
    counts: z.object({ new: z.number().int(), fixed: z.number().int(), unchanged: z.number().int() }),
    new: z.array(findingSchema).meta({ description: "Seen by the newer scan, not by the older one (at most 500)." }),
    fixed: z.array(findingSchema).meta({ description: "Seen by the older scan on a pillar the newer one covered, not by the newer one (at most 500)." }),
    unchanged: z.array(findingSchema).meta({ description: "Seen by both scans (at most 500)." }),
  })
  .meta({ id: "ScanComparison" });

export const compareScansQuery = z.object({
  a: z.string().min(1).max(64).meta({ description: "A scan id." }),
  b: z.string().min(1).max(64).meta({ description: "Another scan id of the same domain." }),
});

export const compareScansContract = defineContract({
  id: "scans.compare",
  method: "GET",
  path: "/api/v1/scans/compare",
  summary: "Compare two scans of a domain",
  description:
    "New, fixed and unchanged findings and the score change per pillar between two finished scans of the same " +
    "domain, in either order (the older one is the base). Two scans of different domains, or the same scan " +
    "twice, answer 422 `invalid_params`; a scan that has not succeeded answers 409 `conflict`.",
  tags: ["scans"],
  auth: "key-or-session",
  scope: "scans:read",
  query: compareScansQuery,
  response: { kind: "json", schema: scanComparisonSchema },
  errors: ["conflict"],
});
