import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { toShareLinkView, type ShareLinkView } from "./share-link-row";

/** Revokes a link at once (its page answers 410 from then on). Revoking twice is harmless. */
export async function revokeShareLink(actor: Actor, input: { linkId: string; now?: Date }, prisma?: Prisma): Promise<ShareLinkView> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const link = await tx.shareLink.findFirst({ where: { id: input.linkId, organizationId: actor.orgId } });
    if (!link) throw new ServiceError("not_found", "Share link not found.");
    const updated = await tx.shareLink.update({
      where: { id: link.id },
      data: { revokedAt: link.revokedAt ?? now },
      include: { domain: { select: { host: true } } },
    });
    if (!link.revokedAt) await recordAuditEvent(tx, actor, { action: "share_link.revoke", targetType: "share_link", targetId: link.id });
    return toShareLinkView(updated, now);
  });
}
