import { z } from "zod";
import { MAX_CRAWL_PATTERNS } from "@/lib/scanner/crawl/patterns";
import { scanAuthSchema, scanAuthSummarySchema } from "@/lib/services/scan-settings/scan-auth";
import { defineContract } from "../define-contract";
import { deviceSchema, devicesSchema } from "@/lib/scanner/devices";
import { idParam, timestamp } from "../schemas/common";

const pattern = z.string().max(200);

export const scanSettingsSchema = z
  .object({
    domain_id: z.string(),
    respect_robots: z.boolean().meta({
      description:
        "false (default): pages robots.txt disallows are scanned too (you own the site) and listed as blocked by robots.txt; true: they are skipped.",
    }),
    include: z.array(z.string()).meta({ description: "Crawl only paths matching one of these patterns (robots.txt syntax: `/blog/`, `/*.html$`). Empty: everything. The start page is always scanned." }),
    exclude: z.array(z.string()).meta({ description: "Never crawl paths matching one of these patterns." }),
    max_depth: z.number().int().nullable().meta({ description: "Link depth from the start page (0: the start page alone; sitemap entries are depth 1). Null: unlimited." }),
    devices: z.array(deviceSchema).meta({ description: "Device profiles the domain's scans load pages as (default `[\"mobile\"]`); a scan request may name others." }),
    consent: z.boolean().meta({
      description:
        "Before/after consent: scans also load each page accepting and rejecting its consent banner and report what changed (POST /scans " +
        "`consent` overrides it per scan). Default false: it adds up to two page loads per page.",
    }),
    auth: scanAuthSummarySchema
      .nullable()
      .meta({ description: "How scans sign in, without secrets: header and cookie names, the login page and selectors. Null: scans are anonymous." }),
    updated_at: timestamp.nullable(),
  })
  .meta({ id: "ScanSettings" });

export const updateScanSettingsBody = z
  .object({
    respect_robots: z.boolean().optional(),
    include: z.array(pattern).max(MAX_CRAWL_PATTERNS).optional(),
    exclude: z.array(pattern).max(MAX_CRAWL_PATTERNS).optional(),
    max_depth: z.number().int().min(0).max(100).nullable().optional(),
    devices: devicesSchema.optional().meta({ description: "`mobile`, `desktop` or both; a second device costs no extra credit." }),
    consent: z.boolean().optional(),
  })
  .strict();

export const getScanSettingsContract = defineContract({
  id: "domains.scanSettings.get",
  method: "GET",
  path: "/api/v1/domains/{id}/scan-settings",
  summary: "How the domain's scans crawl and sign in",
  description: "Crawl rules and a summary of the sign-in. Secrets (header and cookie values, the password) are never returned.",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:read",
  params: idParam,
  response: { kind: "json", schema: scanSettingsSchema },
});

export const updateScanSettingsContract = defineContract({
  id: "domains.scanSettings.update",
  method: "PUT",
  path: "/api/v1/domains/{id}/scan-settings",
  summary: "Change how the domain's scans crawl",
  description: "Fields left out keep their value. Patterns start with `/` or `*`; `*` matches any characters and a final `$` anchors the end.",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:write",
  params: idParam,
  body: updateScanSettingsBody,
  response: { kind: "json", schema: scanSettingsSchema },
});

export const setScanAuthContract = defineContract({
  id: "domains.auth.set",
  method: "PUT",
  path: "/api/v1/domains/{id}/auth",
  summary: "Set how the domain's scans sign in (write-only)",
  description:
    "Replaces the sign-in of the domain's scans: extra request `headers` (sent to the domain's origin only, never " +
    "to third parties), `cookies`, and/or a `login` script (the login page on the domain, the username and password, " +
    "the CSS selectors of both fields, an optional submit button — Enter otherwise — and a success check: " +
    "`success_selector` appears or the URL then contains `success_url`). The script runs once per scan stage in " +
    "the scan's browser; links that log out are never followed. Stored encrypted (AES-256-GCM); the answer and " +
    "every later read show names only. An empty body (no headers, cookies or login) clears it.",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:write",
  params: idParam,
  body: scanAuthSchema,
  response: { kind: "json", schema: scanSettingsSchema },
});

export const clearScanAuthContract = defineContract({
  id: "domains.auth.clear",
  method: "DELETE",
  path: "/api/v1/domains/{id}/auth",
  summary: "Remove the sign-in of the domain's scans",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:write",
  params: idParam,
  response: { kind: "json", schema: scanSettingsSchema },
});
