import type { ShareLink } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { shareLinkState } from "./share-link-row";
import { isShareTokenShape, shareTokenHash } from "./share-token";

/**
 * The link behind a public /r/<token>: not_found for a token nobody issued, gone for an expired or revoked
 * one. Looked up by the token's SHA-256 only.
 */
export async function openShareLink(input: { token: string; now?: Date }, prisma?: Prisma): Promise<ShareLink> {
  if (!isShareTokenShape(input.token)) throw new ServiceError("not_found", "This link does not exist.");
  const db = prisma ?? (await getPrisma());
  const link = await db.shareLink.findUnique({ where: { tokenHash: shareTokenHash(input.token) } });
  if (!link) throw new ServiceError("not_found", "This link does not exist.");
  const state = shareLinkState(link, input.now);
  if (state !== "active") throw new ServiceError("gone", state === "revoked" ? "This link was revoked by its owner." : "This link has expired.");
  return link;
}
