import { createShareLinkContract, listShareLinksContract } from "@/lib/api/contract/share-links";
import { serializeShareLink } from "@/lib/api/serializers/share-link";
import { defineRoute } from "@/lib/http/define-route";
import { appUrl } from "@/lib/services/mail/app-url";
import { createShareLink } from "@/lib/services/share-links/create-share-link";
import { listShareLinks } from "@/lib/services/share-links/list-share-links";

export const POST = defineRoute(createShareLinkContract, async ({ actor, body }) => {
  const { link, token } = await createShareLink(actor, {
    scanId: body.scan_id,
    reportId: body.report_id,
    expiresAt: body.expires_at ? new Date(body.expires_at) : null,
    password: body.password,
    includeEvidence: body.include_evidence,
  });
  return { ...serializeShareLink(link), token, url: appUrl(`/r/${token}`) };
});

export const GET = defineRoute(listShareLinksContract, async ({ actor, query }) => {
  const page = await listShareLinks({ orgId: actor.orgId, scanId: query.scan_id, reportId: query.report_id, limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(serializeShareLink), nextCursor: page.nextCursor };
});
