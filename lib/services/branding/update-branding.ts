import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { ORG_SCOPE, toBrandingView, type BrandingView } from "./branding-row";
import { validateLogo } from "./logo-image";

// Plain text only: control characters would end up in PDFs and pages.
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: "Must not contain control characters." });

export const brandingPatchSchema = z
  .object({
    name: text(120).nullable().optional(),
    accent_color: z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "A colour as #rgb or #rrggbb.").nullable().optional(),
    footer_text: text(500).nullable().optional(),
    show_powered_by: z.boolean().optional(),
  })
  .strict();
export type BrandingPatch = z.infer<typeof brandingPatchSchema>;

/**
 * Sets the organization's branding (domainId null) or a domain's override. Only the fields given change;
 * `logo` is raw bytes (validated by content: PNG, JPEG or WebP, at most 256 KiB), null removes it.
 */
export async function updateBranding(
  actor: Actor,
  input: { domainId?: string | null; patch: BrandingPatch; logo?: Uint8Array | null },
  prisma?: Prisma,
): Promise<BrandingView> {
  const db = prisma ?? (await getPrisma());
  const patch = brandingPatchSchema.parse(input.patch);
  const domainId = input.domainId ?? null;
  if (domainId) {
    const domain = await db.domain.findFirst({ where: { id: domainId, organizationId: actor.orgId }, select: { id: true } });
    if (!domain) throw new ServiceError("not_found", "Domain not found.");
  }
  const logoMime = input.logo ? validateLogo(input.logo) : null;
  const data = {
    ...(patch.name !== undefined ? { name: patch.name || null } : {}),
    ...(patch.accent_color !== undefined ? { accentColor: patch.accent_color } : {}),
    ...(patch.footer_text !== undefined ? { footerText: patch.footer_text || null } : {}),
    ...(patch.show_powered_by !== undefined ? { showPoweredBy: patch.show_powered_by } : {}),
    ...(input.logo === null ? { logo: null, logoMime: null } : {}),
    ...(input.logo && logoMime ? { logo: Buffer.from(input.logo), logoMime } : {}),
  };
  const scopeKey = domainId ?? ORG_SCOPE;
  const row = await db.$transaction(async (tx) => {
    const saved = await tx.branding.upsert({
      where: { organizationId_scopeKey: { organizationId: actor.orgId, scopeKey } },
      create: { organizationId: actor.orgId, domainId, scopeKey, ...data },
      update: data,
    });
    await recordAuditEvent(tx, actor, {
      action: "branding.update",
      targetType: domainId ? "domain" : "organization",
      targetId: domainId ?? actor.orgId,
      metadata: { fields: Object.keys(data).filter((k) => k !== "logo") },
    });
    return saved;
  });
  return toBrandingView(row, domainId);
}
