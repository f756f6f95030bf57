import type { ShareLink } from "@/generated/prisma/client";

export type ShareLinkState = "active" | "expired" | "revoked";

export interface ShareLinkView {
  id: string;
  scanId: string | null;
  reportId: string | null;
  domainId: string;
  host: string;
  state: ShareLinkState;
  hasPassword: boolean;
  includeEvidence: boolean;
  viewCount: number;
  lastViewedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export function shareLinkState(link: Pick<ShareLink, "revokedAt" | "expiresAt">, now = new Date()): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function toShareLinkView(link: ShareLink & { domain: { host: string } }, now = new Date()): ShareLinkView {
  return {
    id: link.id,
    scanId: link.scanId,
    reportId: link.reportId,
    domainId: link.domainId,
    host: link.domain.host,
    state: shareLinkState(link, now),
    hasPassword: link.passwordHash !== null,
    includeEvidence: link.includeEvidence,
    viewCount: link.viewCount,
    lastViewedAt: link.lastViewedAt,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    createdAt: link.createdAt,
  };
}
