import { z } from "zod";
import { defineContract } from "../define-contract";
import { timestamp } from "../schemas/common";
import { pillarSchema } from "../schemas/enums";

export const badgeContract = defineContract({
  id: "badge.get",
  method: "GET",
  path: "/api/v1/badge",
  summary: "A domain's score badge (SVG)",
  description:
    "Shields-style SVG with the domain's composed result: each pillar from the latest finished scan that covered " +
    "it (with at least the domain's page count), the overall grade capped by the worst open, in-progress or " +
    "accepted-risk finding. Grey `unverified` until the domain is verified, `no scan` before its first counting " +
    "scan. `pillar=` draws one pillar (`not scanned` when none covered it). A listed domain's badge links to its " +
    "public directory page.\n\n" +
    "**Unknown ids answer 404 with an SVG body** (`plumb | unknown`), not the JSON envelope, so an `<img>` still " +
    "shows an image. Not rate limited (image proxies such as GitHub's camo fetch it from a few addresses): it is " +
    "served from memory. Every answer carries an `ETag`; `If-None-Match` with it answers 304. `Cache-Control: " +
    "public, max-age=60, stale-while-revalidate=600`.",
  tags: ["public"],
  auth: "public",
  query: z.object({
    id: z.string().min(1).max(200).meta({ description: "The domain id." }),
    style: z.enum(["flat", "flat-square", "for-the-badge"]).default("flat").meta({ description: "`flat` (default), `flat-square` or `for-the-badge`." }),
    pillar: pillarSchema.optional().meta({ description: "One pillar's score instead of the overall result." }),
  }),
  response: {
    kind: "raw",
    contentType: "image/svg+xml",
    description: "The badge. Also the body of the 404 for an unknown id (`plumb | unknown`); 304 (no body) when `If-None-Match` matches.",
  },
  rawErrors: [
    { status: 304, description: "Not modified: the `If-None-Match` ETag is current." },
    { status: 404, description: "Unknown domain id: an SVG badge reading `plumb | unknown` (image/svg+xml), not the envelope.", contentType: "image/svg+xml" },
  ],
});

export const auditLeadBody = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)),
  hostname: z.string().trim().toLowerCase().max(253).optional(),
  score: z.number().int().min(0).max(100),
  answers: z
    .record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(50)]))
    .refine((a) => Object.keys(a).length <= 100, { message: "At most 100 answers." })
    .meta({ description: "Question id -> answer." }),
});

export const auditLeadSchema = z.object({ id: z.string(), created_at: timestamp }).meta({ id: "AuditLead" });

export const createAuditLeadContract = defineContract({
  id: "audit-leads.create",
  method: "POST",
  path: "/api/v1/audit-leads",
  summary: "Submit a self-audit result",
  description: "From the public self-audit questionnaire. Limited per client address; the address is stored only as a keyed hash.",
  tags: ["public"],
  auth: "public",
  body: auditLeadBody,
  response: { kind: "json", schema: auditLeadSchema },
  status: 201,
  rateLimit: { by: "ip", limit: 10, windowSeconds: 3600 },
});

export const healthSchema = z
  .object({
    status: z.literal("ok"),
    db: z.literal("ok"),
    database: z.enum(["pglite", "postgres"]),
    jobs: z.enum(["inngest", "embedded"]),
    version: z.string(),
  })
  .meta({ id: "Health" });

export const healthContract = defineContract({
  id: "health.get",
  method: "GET",
  path: "/api/v1/health",
  summary: "Liveness and configuration",
  description: "Checks the database with a query. A failing database answers 500 `internal`.",
  tags: ["public"],
  auth: "public",
  response: { kind: "json", schema: healthSchema },
});

export const openApiContract = defineContract({
  id: "openapi.get",
  method: "GET",
  path: "/api/v1/openapi.json",
  summary: "This document",
  description: "OpenAPI 3.1, generated from the zod schemas the handlers validate with. Not wrapped in the envelope.",
  tags: ["public"],
  auth: "public",
  response: { kind: "raw", contentType: "application/json", description: "The OpenAPI document." },
});
