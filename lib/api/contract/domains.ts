import { z } from "zod";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp, deletedSchema } from "../schemas/common";
import { pillarSchema, scheduleSchema, verificationMethodSchema } from "../schemas/enums";
import { domainResultSchema } from "./domain-result";

export const verificationInstructionsSchema = z
  .object({
    token: z.string(),
    methods: z.array(
      z.object({
        method: verificationMethodSchema,
        instructions: z.string(),
        /** meta: the tag; dns: the TXT value; file: the file's content */
        value: z.string(),
        /** dns: the record name; file: the URL to serve it at */
        location: z.string(),
      }),
    ),
  })
  .meta({ id: "VerificationInstructions" });

export const domainSchema = z
  .object({
    id: z.string(),
    hostname: z.string().meta({ description: "Host with optional port, lower-case: `example.com`, `localhost:8080`." }),
    scheme: z.enum(["http", "https"]),
    url: z.string().meta({ description: "The origin scanned: scheme + hostname." }),
    verified: z.boolean(),
    verified_at: timestamp.nullable(),
    verification_method: verificationMethodSchema.nullable(),
    verification_checked_at: timestamp.nullable().meta({ description: "When the ownership proof was last looked for (verification and re-verification)." }),
    verification_lost_at: timestamp
      .nullable()
      .meta({ description: "Set when a re-check found the proof gone: the domain is unverified (scans answer `domain_not_verified`) until verified again." }),
    verification_lost_reason: z.string().nullable().meta({ description: "Why verification was lost (one line per method)." }),
    verify_token: z.string(),
    verification: verificationInstructionsSchema,
    schedule: scheduleSchema,
    schedule_pillars: z.array(pillarSchema),
    next_scheduled_at: timestamp.nullable(),
    directory_enabled: z.boolean(),
    directory_show_findings: z.boolean().meta({ description: "The public directory page lists findings' titles, severities and counts (never evidence)." }),
    page_count: z.number().int().meta({ description: "Pages a scan covers by default; scans with fewer do not count toward the public result." }),
    organization_name: z.string().nullable(),
    description: z.string().nullable(),
    last_scan_id: z.string().nullable(),
    last_score: z.number().int().nullable().meta({ description: "The composed result's score (see `result` on GET /domains/{id})." }),
    last_grade: z.string().nullable().meta({ description: "The composed result's grade." }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Domain" });

export const domainDetailSchema = domainSchema
  .extend({ result: domainResultSchema })
  .meta({ id: "DomainDetail" });

const text = (max: number) => z.string().trim().max(max);

export const createDomainBody = z
  .object({
    hostname: z.string().max(300).optional().meta({ description: "`example.com` or `example.com:8443`; https is implied." }),
    url: z.string().max(300).optional().meta({ description: "`http://host:port`: the scheme and host are kept; no path." }),
    organization_name: text(200).nullable().optional(),
    description: text(2000).nullable().optional(),
  })
  .refine((b) => (b.hostname === undefined) !== (b.url === undefined), {
    message: "Send exactly one of hostname or url.",
    path: ["hostname"],
  });

export const updateDomainBody = z
  .object({
    schedule: scheduleSchema.optional(),
    schedule_pillars: z.array(pillarSchema).max(7).optional().meta({ description: "Pillars a scheduled scan runs (empty: all)." }),
    directory_enabled: z.boolean().optional(),
    directory_show_findings: z.boolean().optional().meta({ description: "Show findings' titles, severities and counts (never evidence) on the public directory page." }),
    page_count: z.number().int().min(1).max(100).optional().meta({ description: "1–100 (default 10): the default page budget of this domain's scans, and the minimum a scan needs to count toward the public result." }),
    organization_name: text(200).nullable().optional(),
    description: text(2000).nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Nothing to update." });

export const verifyResultSchema = z
  .object({
    verified: z.boolean(),
    method: verificationMethodSchema.optional(),
    reason: z.string().optional().meta({ description: "Why none of the methods passed (one line per method)." }),
    domain: domainSchema,
  })
  .meta({ id: "VerifyResult" });

export const listDomainsContract = defineContract({
  id: "domains.list",
  method: "GET",
  path: "/api/v1/domains",
  summary: "List domains",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:read",
  query: paginationQuery,
  response: { kind: "list", item: domainSchema },
});

export const createDomainContract = defineContract({
  id: "domains.create",
  method: "POST",
  path: "/api/v1/domains",
  summary: "Add a domain",
  description:
    "Adds an unverified domain and returns its `verify_token` with the three ways to prove ownership: a " +
    '`<meta name="plumb-site-verification" content="TOKEN">` tag on the home page, a DNS TXT record ' +
    "`plumb-site-verification=TOKEN`, or a file `/.well-known/plumb-verification.txt` containing the token " +
    "(a target given as an IP address gets no DNS method: it has no zone to hold the record). " +
    "Then call POST /domains/{id}/verify.",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:write",
  body: createDomainBody,
  response: { kind: "json", schema: domainSchema },
  status: 201,
  errors: ["conflict"],
});

export const getDomainContract = defineContract({
  id: "domains.get",
  method: "GET",
  path: "/api/v1/domains/{id}",
  summary: "Get a domain with its composed result",
  description:
    "`result` is the domain's public result composed per pillar (the one the badge, the directory and the " +
    "dashboard show): each pillar from the latest succeeded scan that covered it with at least `page_count` " +
    "pages, the overall grade capped by the worst open, in-progress or accepted-risk finding, and the security " +
    "grade's tests. `last_score`/`last_grade` equal `result.score`/`result.grade`.",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:read",
  params: idParam,
  response: { kind: "json", schema: domainDetailSchema },
});

export const updateDomainContract = defineContract({
  id: "domains.update",
  method: "PATCH",
  path: "/api/v1/domains/{id}",
  summary: "Update a domain's schedule, page count and directory listing",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:write",
  params: idParam,
  body: updateDomainBody,
  response: { kind: "json", schema: domainSchema },
});

export const deleteDomainContract = defineContract({
  id: "domains.delete",
  method: "DELETE",
  path: "/api/v1/domains/{id}",
  summary: "Delete a domain with its scans and findings",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:write",
  params: idParam,
  response: { kind: "json", schema: deletedSchema },
});

export const verifyDomainContract = defineContract({
  id: "domains.verify",
  method: "POST",
  path: "/api/v1/domains/{id}/verify",
  summary: "Check ownership now",
  description:
    "Tries the meta tag, the DNS TXT record and the well-known file, in that order, and stops at the first " +
    "that proves ownership. `verified: false` (with `reason`) is a normal answer, not an error. The proof must " +
    "come from the domain's own origin: redirects are followed only on the same host (path changes, http to " +
    "https); a redirect to another host, or a DNS name that is a CNAME of another host, is refused with the " +
    "reason. Verified domains are re-checked before every scheduled scan and at least every 30 days; when the " +
    "proof is gone the domain becomes unverified (`verification_lost_at`, `verification_lost_reason`).",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:write",
  params: idParam,
  response: { kind: "json", schema: verifyResultSchema },
  rateLimit: { by: "caller", limit: 30, windowSeconds: 60 },
});
