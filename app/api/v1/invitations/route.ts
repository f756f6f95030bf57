import { createInvitationContract, listInvitationsContract } from "@/lib/api/contract/members";
import { serializeInvitation } from "@/lib/api/serializers/member";
import { defineRoute } from "@/lib/http/define-route";
import { inviteMember } from "@/lib/services/members/invite-member";
import { findMembership, listMembershipsPage } from "@/lib/services/members/list-members-page";

export const GET = defineRoute(listInvitationsContract, async ({ actor, query }) => {
  const page = await listMembershipsPage({ orgId: actor.orgId, status: "pending", limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(serializeInvitation), nextCursor: page.nextCursor };
});

export const POST = defineRoute(createInvitationContract, async ({ actor, body }) => {
  const m = await inviteMember(actor, { email: body.email, role: body.role });
  const row = await findMembership({ orgId: actor.orgId, membershipId: m.id });
  if (!row) throw new Error("The invitation vanished right after it was created.");
  return serializeInvitation(row);
});
