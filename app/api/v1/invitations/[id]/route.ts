import { revokeInvitationContract } from "@/lib/api/contract/members";
import { defineRoute } from "@/lib/http/define-route";
import { findMembership } from "@/lib/services/members/list-members-page";
import { removeMember } from "@/lib/services/members/remove-member";
import { ServiceError } from "@/lib/services/errors";

export const DELETE = defineRoute(revokeInvitationContract, async ({ actor, params }) => {
  const m = await findMembership({ orgId: actor.orgId, membershipId: params.id });
  if (!m || m.status !== "pending") throw new ServiceError("not_found", "Invitation not found.");
  await removeMember(actor, { membershipId: params.id });
  return { id: params.id, deleted: true as const };
});
