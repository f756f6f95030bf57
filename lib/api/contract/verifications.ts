import { z } from "zod";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp } from "../schemas/common";

export const verificationStatusSchema = z.enum(["pending", "running", "passed", "failed"]).meta({ id: "VerificationStatus" });

export const verificationResultSchema = z
  .object({
    url: z.string().meta({ description: "The page re-checked." }),
    selector: z.string().nullable(),
    asset: z.string().nullable(),
    passed: z.boolean().meta({ description: "The rule no longer fires for this instance." }),
    snippet: z.string().nullable().meta({ description: "What the re-check saw (failed instances): untrusted site text, escape it." }),
    error: z.string().nullable().meta({ description: "The page could not be loaded (counts as not passed)." }),
  })
  .meta({ id: "VerificationResult" });

export const verificationSchema = z
  .object({
    id: z.string(),
    finding_id: z.string(),
    rule: z.string().nullable(),
    status: verificationStatusSchema.meta({
      description: "`passed`: every instance passed and the finding is resolved (resolution `verified`). `failed`: the problem is still there (or the re-check could not run: see `error`; then nothing was charged).",
    }),
    summary: z.string().nullable(),
    error: z.string().nullable(),
    credits_charged: z.number().int(),
    passed_count: z.number().int(),
    failed_count: z.number().int(),
    results: z.array(verificationResultSchema),
    created_by_id: z.string().nullable(),
    created_at: timestamp,
    started_at: timestamp.nullable(),
    finished_at: timestamp.nullable(),
    duration_ms: z.number().int().nullable(),
  })
  .meta({ id: "Verification" });

export const createVerificationBody = z.object({ finding_id: z.string().min(1).max(64) }).strict();

export const createVerificationResultSchema = z
  .object({
    verification: verificationSchema,
    created: z.boolean().meta({ description: "False when a re-check of this finding was already pending or running: that one is returned and nothing is charged." }),
    credits_remaining: z.number().int(),
  })
  .meta({ id: "CreateVerificationResult" });

export const listVerificationsQuery = paginationQuery.extend({
  finding_id: z.string().min(1).max(64).optional(),
});

export const createVerificationContract = defineContract({
  id: "verifications.create",
  method: "POST",
  path: "/api/v1/verifications",
  summary: "Re-check a finding (is it fixed?)",
  description:
    "Re-runs only the finding's rule on the pages of its instances: much cheaper and faster than a scan. Costs 1 " +
    "credit, reserved in the transaction that accepts it and refunded if it cannot run. Idempotent: an " +
    "`Idempotency-Key` header replays the first answer, and while a re-check of the finding is pending or running " +
    "a new request returns it (`created: false`) without charging. Every instance passed → the finding is " +
    "resolved (`resolution: verified`) and tasks whose findings are all resolved are done; otherwise it stays " +
    "open with the new evidence. Not a domain ownership verification (that is POST /domains/{id}/verify).",
  tags: ["verifications"],
  auth: "key-or-session",
  scope: "findings:write",
  body: createVerificationBody,
  response: { kind: "json", schema: createVerificationResultSchema },
  status: 202,
  idempotent: true,
  errors: ["domain_not_verified", "insufficient_credits", "conflict"],
});

export const listVerificationsContract = defineContract({
  id: "verifications.list",
  method: "GET",
  path: "/api/v1/verifications",
  summary: "List re-checks",
  description: "Newest first; `finding_id` narrows to one finding's history.",
  tags: ["verifications"],
  auth: "key-or-session",
  scope: "findings:read",
  query: listVerificationsQuery,
  response: { kind: "list", item: verificationSchema },
});

export const getVerificationContract = defineContract({
  id: "verifications.get",
  method: "GET",
  path: "/api/v1/verifications/{id}",
  summary: "Get a re-check with its per-instance results",
  tags: ["verifications"],
  auth: "key-or-session",
  scope: "findings:read",
  params: idParam,
  response: { kind: "json", schema: verificationSchema },
});
