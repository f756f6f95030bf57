import { defineRoute } from "@/lib/http/define-route";
import { deleteDomainContract, getDomainContract, updateDomainContract } from "@/lib/api/contract/domains";
import { serializeDomain, serializeDomainDetail } from "@/lib/api/serializers/domain";
import { deleteDomain } from "@/lib/services/domains/delete-domain";
import { getDomainWithResult } from "@/lib/services/domain-result/get-domain-with-result";
import { updateDomain } from "@/lib/services/domains/update-domain";

export const GET = defineRoute(getDomainContract, async ({ actor, params }) => {
  const { domain, result } = await getDomainWithResult({ orgId: actor.orgId, domainId: params.id });
  return serializeDomainDetail(domain, result);
});

export const PATCH = defineRoute(updateDomainContract, async ({ actor, params, body }) =>
  serializeDomain(
    await updateDomain(actor, params.id, {
      schedule: body.schedule,
      schedulePillars: body.schedule_pillars,
      directoryEnabled: body.directory_enabled,
      directoryShowFindings: body.directory_show_findings,
      pageCount: body.page_count,
      organizationName: body.organization_name,
      description: body.description,
    }),
  ),
);

export const DELETE = defineRoute(deleteDomainContract, async ({ actor, params }) => ({
  ...(await deleteDomain(actor, params.id)),
  deleted: true as const,
}));
