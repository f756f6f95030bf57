import { getVerificationContract } from "@/lib/api/contract/verifications";
import { serializeVerification } from "@/lib/api/serializers/verification";
import { defineRoute } from "@/lib/http/define-route";
import { getRecheck } from "@/lib/services/rechecks/list-rechecks";

export const GET = defineRoute(getVerificationContract, async ({ actor, params }) =>
  serializeVerification(await getRecheck({ orgId: actor.orgId, verificationId: params.id })),
);
