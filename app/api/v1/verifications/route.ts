import { createVerificationContract, listVerificationsContract } from "@/lib/api/contract/verifications";
import { serializeVerification } from "@/lib/api/serializers/verification";
import { defineRoute } from "@/lib/http/define-route";
import { getRecheck, listRechecks } from "@/lib/services/rechecks/list-rechecks";
import { requestRecheck } from "@/lib/services/rechecks/request-recheck";

export const POST = defineRoute(createVerificationContract, async ({ actor, body }) => {
  const { verification, created, creditsRemaining } = await requestRecheck(actor, { findingId: body.finding_id });
  const full = await getRecheck({ orgId: actor.orgId, verificationId: verification.id });
  return { verification: serializeVerification(full), created, credits_remaining: creditsRemaining };
});

export const GET = defineRoute(listVerificationsContract, async ({ actor, query }) => {
  const page = await listRechecks({ orgId: actor.orgId, findingId: query.finding_id, limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(serializeVerification), nextCursor: page.nextCursor };
});
