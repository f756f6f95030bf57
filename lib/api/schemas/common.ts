import { z } from "zod";

// Building blocks shared by every contract file: ids, timestamps, pagination and the envelope pieces.

export const idParam = z.object({ id: z.string().min(1).max(64) });

/** ISO-8601 timestamps in responses. Serializers pass `date.toISOString()`. */
export const timestamp = z.string().meta({ format: "date-time" });

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).meta({ description: "Page size, 1–100 (default 25)." }),
  cursor: z.string().max(512).optional().meta({ description: "Opaque cursor from the previous page's meta.next_cursor." }),
});

export const ERROR_CODES = [
  "unauthorized",
  "forbidden",
  "not_found",
  "invalid_json",
  "invalid_params",
  "conflict",
  "domain_not_verified",
  "insufficient_credits",
  "rate_limited",
  "bad_request",
  "method_not_allowed",
  "payload_too_large",
  // 403 for a dashboard session in an organization that requires two-factor sign-in the user has not set up.
  "two_factor_required",
  // 409: a report export asked for while it is still queued or running (GET /reports/{id}/download).
  "export_not_ready",
  // 410: an expired export, or an expired or revoked share link.
  "gone",
  // 424: an integration's provider refused the credential or request, or could not be reached (message says which).
  "provider_error",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorSchema = z
  .object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z
      .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string() }))
      .optional()
      .meta({ description: "invalid_params only: what failed validation, one entry per problem." }),
    cost: z.number().int().optional().meta({ description: "insufficient_credits only: credits the request needs." }),
    balance: z.number().int().optional().meta({ description: "insufficient_credits only: the organization's balance." }),
    retry_after: z.number().int().optional().meta({ description: "rate_limited only: seconds until the window resets." }),
  })
  .meta({ id: "Error" });

export const errorEnvelopeSchema = z
  .object({
    data: z.null(),
    meta: z.object({ request_id: z.string() }),
    error: apiErrorSchema,
  })
  .meta({ id: "ErrorEnvelope" });

export const deletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });
