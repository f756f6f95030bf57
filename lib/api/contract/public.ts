import { z } from "zod";
import { defineContract } from "../define-contract";
import { timestamp } from "../schemas/common";

export const badgeContract = defineContract({
  id: "badge.get",
  method: "GET",
  path: "/api/v1/badge",
  summary: "A domain's score badge (SVG)",
  description:
    "Shields-style SVG with the latest score and grade. Grey `unverified` until the domain is verified, `no scan` " +
    "before its first finished scan. Cached publicly for 5 minutes. Unknown ids get the 404 error envelope.",
  tags: ["public"],
  auth: "public",
  query: z.object({ id: z.string().min(1).max(64).meta({ description: "The domain id." }) }),
  response: { kind: "raw", contentType: "image/svg+xml", description: "The badge." },
  rateLimit: { by: "ip", limit: 600, windowSeconds: 60 },
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
