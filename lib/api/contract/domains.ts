import { z } from "zod";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp, deletedSchema } from "../schemas/common";
import { pillarSchema, scheduleSchema, verificationMethodSchema } from "../schemas/enums";

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
    verify_token: z.string(),
    verification: verificationInstructionsSchema,
    schedule: scheduleSchema,
    schedule_pillars: z.array(pillarSchema),
    next_scheduled_at: timestamp.nullable(),
    directory_enabled: z.boolean(),
    organization_name: z.string().nullable(),
    description: z.string().nullable(),
    last_scan_id: z.string().nullable(),
    last_score: z.number().int().nullable(),
    last_grade: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Domain" });

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
  summary: "Get a domain",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:read",
  params: idParam,
  response: { kind: "json", schema: domainSchema },
});

export const updateDomainContract = defineContract({
  id: "domains.update",
  method: "PATCH",
  path: "/api/v1/domains/{id}",
  summary: "Update a domain's schedule and directory listing",
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
    "that proves ownership. `verified: false` (with `reason`) is a normal answer, not an error.",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:write",
  params: idParam,
  response: { kind: "json", schema: verifyResultSchema },
  rateLimit: { by: "caller", limit: 30, windowSeconds: 60 },
});
