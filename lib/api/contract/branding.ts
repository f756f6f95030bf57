import { z } from "zod";
import { brandingPatchSchema } from "@/lib/services/branding/update-branding";
import { defineContract } from "../define-contract";
import { timestamp } from "../schemas/common";

export const brandingSchema = z
  .object({
    domain_id: z.string().nullable().meta({ description: "null: the organization's branding; else that domain's override." }),
    name: z.string().nullable(),
    accent_color: z.string().nullable().meta({ description: "#rgb or #rrggbb" }),
    footer_text: z.string().nullable(),
    show_powered_by: z.boolean().meta({ description: "Whether reports and share pages say \"Made with Plumb\"." }),
    logo: z.object({ type: z.string(), bytes: z.number().int() }).nullable(),
    updated_at: timestamp.nullable(),
  })
  .meta({ id: "Branding" });

const domainQuery = z.object({
  domain_id: z.string().min(1).max(64).optional().meta({ description: "A domain's override (agencies brand per client) instead of the organization's branding." }),
});

export const patchBrandingBody = brandingPatchSchema
  .extend({
    domain_id: z.string().min(1).max(64).optional().meta({ description: "Change this domain's override instead of the organization's branding." }),
    logo: z
      .string()
      .max(360_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Base64 without a data: prefix.")
      .nullable()
      .optional()
      .meta({ description: "The logo file, base64: PNG, JPEG or WebP (checked by content), at most 256 KiB. SVG is refused. null removes it." }),
  })
  .strict();

export const getBrandingContract = defineContract({
  id: "branding.get",
  method: "GET",
  path: "/api/v1/organizations/current/branding",
  summary: "Get the organization's report branding (or a domain's override)",
  tags: ["reports"],
  auth: "key-or-session",
  scope: "reports:read",
  query: domainQuery,
  response: { kind: "json", schema: brandingSchema },
});

export const patchBrandingContract = defineContract({
  id: "branding.update",
  method: "PATCH",
  path: "/api/v1/organizations/current/branding",
  summary: "Change the report branding",
  description:
    "White-label look of PDFs and share pages: name, logo, accent colour, footer text and the \"Made with Plumb\" line. " +
    "Only the fields sent change. With `domain_id`, sets that domain's override, which wins field by field over the " +
    "organization's branding. Dashboard sessions need the owner or admin role.",
  tags: ["reports"],
  auth: "key-or-session",
  scope: "reports:write",
  body: patchBrandingBody,
  response: { kind: "json", schema: brandingSchema },
});
