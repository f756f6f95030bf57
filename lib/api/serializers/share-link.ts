import type { z } from "zod";
import type { ShareLinkView } from "@/lib/services/share-links/share-link-row";
import type { shareLinkSchema } from "../contract/share-links";

export function serializeShareLink(l: ShareLinkView): z.input<typeof shareLinkSchema> {
  return {
    id: l.id,
    scan_id: l.scanId,
    report_id: l.reportId,
    domain_id: l.domainId,
    host: l.host,
    state: l.state,
    has_password: l.hasPassword,
    include_evidence: l.includeEvidence,
    view_count: l.viewCount,
    last_viewed_at: l.lastViewedAt?.toISOString() ?? null,
    expires_at: l.expiresAt?.toISOString() ?? null,
    revoked_at: l.revokedAt?.toISOString() ?? null,
    created_at: l.createdAt.toISOString(),
  };
}
