import { revokeShareLinkContract } from "@/lib/api/contract/share-links";
import { serializeShareLink } from "@/lib/api/serializers/share-link";
import { defineRoute } from "@/lib/http/define-route";
import { revokeShareLink } from "@/lib/services/share-links/revoke-share-link";

export const DELETE = defineRoute(revokeShareLinkContract, async ({ actor, params }) => serializeShareLink(await revokeShareLink(actor, { linkId: params.id })));
