import { z } from "zod";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp } from "../schemas/common";

export const shareLinkSchema = z
  .object({
    id: z.string(),
    scan_id: z.string().nullable(),
    report_id: z.string().nullable(),
    domain_id: z.string(),
    host: z.string(),
    state: z.enum(["active", "expired", "revoked"]),
    has_password: z.boolean(),
    include_evidence: z.boolean(),
    view_count: z.number().int(),
    last_viewed_at: timestamp.nullable(),
    expires_at: timestamp.nullable(),
    revoked_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: "ShareLink" });

export const createdShareLinkSchema = shareLinkSchema
  .extend({
    token: z.string().meta({ description: "Shown once: only its SHA-256 is stored." }),
    url: z.string().meta({ description: "The public page, `<app>/r/<token>`. Shown once." }),
  })
  .meta({ id: "CreatedShareLink" });

export const createShareLinkBody = z
  .object({
    scan_id: z.string().min(1).max(64).optional().meta({ description: "A succeeded scan of this organization: the page shows its report. Exactly one of `scan_id` and `report_id`." }),
    report_id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: "A saved report of this organization: the page shows that report (its sections, its branding, its scan or the domain's current state)." }),
    expires_at: z.iso.datetime({ offset: true }).optional().meta({ description: "After this moment the page answers 410. Default: never." }),
    password: z.string().min(8).max(200).optional().meta({ description: "Visitors must enter it (stored as an argon2id hash)." }),
    include_evidence: z.boolean().default(false).meta({ description: "Show evidence and snippets (secrets are always masked). Default false." }),
  })
  .strict()
  .refine((b) => (b.scan_id === undefined) !== (b.report_id === undefined), { message: "Give exactly one of scan_id and report_id.", path: ["scan_id"] });

export const createShareLinkContract = defineContract({
  id: "share-links.create",
  method: "POST",
  path: "/api/v1/share-links",
  summary: "Share a scan's report or a saved report with a public link",
  description:
    "Give exactly one of `scan_id` (a succeeded scan) and `report_id` (a saved report: the page shows its sections and " +
    "branding). Answers the link with its `url` (`/r/<token>`, 32 random bytes) once; only the token's SHA-256 is stored. The page " +
    "shows the report with the report's or the organization's branding (a domain override wins), without the dashboard, `noindex`, without member names or e-mails " +
    "and without evidence unless `include_evidence` (secrets masked even then). Expired or revoked links answer 410.",
  tags: ["reports"],
  auth: "key-or-session",
  scope: "reports:write",
  body: createShareLinkBody,
  response: { kind: "json", schema: createdShareLinkSchema },
  status: 201,
  idempotent: true,
  errors: ["conflict"],
});

export const listShareLinksContract = defineContract({
  id: "share-links.list",
  method: "GET",
  path: "/api/v1/share-links",
  summary: "List share links",
  description: "Newest first, revoked and expired ones included, with view counts. Tokens are never listed.",
  tags: ["reports"],
  auth: "key-or-session",
  scope: "reports:read",
  query: paginationQuery.extend({ scan_id: z.string().max(64).optional(), report_id: z.string().max(64).optional().meta({ description: "Only the links to this saved report." }) }),
  response: { kind: "list", item: shareLinkSchema },
});

export const revokeShareLinkContract = defineContract({
  id: "share-links.revoke",
  method: "DELETE",
  path: "/api/v1/share-links/{id}",
  summary: "Revoke a share link",
  description: "Its page answers 410 from now on. Revoking twice answers the revoked link again.",
  tags: ["reports"],
  auth: "key-or-session",
  scope: "reports:write",
  params: idParam,
  response: { kind: "json", schema: shareLinkSchema },
});
