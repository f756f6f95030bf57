import { getOrganizationContract, updateOrganizationContract } from "@/lib/api/contract/members";
import { serializeOrganization } from "@/lib/api/serializers/member";
import { defineRoute } from "@/lib/http/define-route";
import { getOrganization } from "@/lib/services/organizations/get-organization";
import { renameOrganization } from "@/lib/services/organizations/rename-organization";

export const GET = defineRoute(getOrganizationContract, async ({ actor }) => serializeOrganization(await getOrganization({ orgId: actor.orgId })));

export const PATCH = defineRoute(updateOrganizationContract, async ({ actor, body }) => serializeOrganization(await renameOrganization(actor, { name: body.name })));
