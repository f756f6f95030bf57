import { defineRoute } from "@/lib/http/define-route";
import { deleteDomainContract, getDomainContract, updateDomainContract } from "@/lib/api/contract/domains";
import { serializeDomain } from "@/lib/api/serializers/domain";
import { deleteDomain } from "@/lib/services/domains/delete-domain";
import { getDomainOrThrow } from "@/lib/services/domains/get-domain";
import { updateDomain } from "@/lib/services/domains/update-domain";

export const GET = defineRoute(getDomainContract, async ({ actor, params }) => serializeDomain(await getDomainOrThrow(actor.orgId, params.id)));

export const PATCH = defineRoute(updateDomainContract, async ({ actor, params, body }) =>
  serializeDomain(
    await updateDomain(actor, params.id, {
      schedule: body.schedule,
      schedulePillars: body.schedule_pillars,
      directoryEnabled: body.directory_enabled,
      organizationName: body.organization_name,
      description: body.description,
    }),
  ),
);

export const DELETE = defineRoute(deleteDomainContract, async ({ actor, params }) => ({
  ...(await deleteDomain(actor, params.id)),
  deleted: true as const,
}));
