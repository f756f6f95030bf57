import { listMembersContract } from "@/lib/api/contract/members";
import { serializeMember } from "@/lib/api/serializers/member";
import { defineRoute } from "@/lib/http/define-route";
import { listMembershipsPage } from "@/lib/services/members/list-members-page";

export const GET = defineRoute(listMembersContract, async ({ actor, query }) => {
  const page = await listMembershipsPage({ orgId: actor.orgId, status: "active", limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(serializeMember), nextCursor: page.nextCursor };
});
