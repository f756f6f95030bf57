import { removeMemberContract, updateMemberContract } from "@/lib/api/contract/members";
import { serializeMember } from "@/lib/api/serializers/member";
import { defineRoute } from "@/lib/http/define-route";
import { changeMemberRole } from "@/lib/services/members/change-member-role";
import { findMembership } from "@/lib/services/members/list-members-page";
import { removeMember } from "@/lib/services/members/remove-member";
import { ServiceError } from "@/lib/services/errors";

async function activeMember(orgId: string, membershipId: string) {
  const m = await findMembership({ orgId, membershipId });
  if (!m || m.status !== "active") throw new ServiceError("not_found", "Member not found.");
  return m;
}

export const PATCH = defineRoute(updateMemberContract, async ({ actor, params, body }) => {
  await activeMember(actor.orgId, params.id);
  await changeMemberRole(actor, { membershipId: params.id, role: body.role });
  return serializeMember(await activeMember(actor.orgId, params.id));
});

export const DELETE = defineRoute(removeMemberContract, async ({ actor, params }) => {
  await activeMember(actor.orgId, params.id);
  await removeMember(actor, { membershipId: params.id });
  return { id: params.id, deleted: true as const };
});
