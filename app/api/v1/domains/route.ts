import { defineRoute } from "@/lib/http/define-route";
import { createDomainContract, listDomainsContract } from "@/lib/api/contract/domains";
import { serializeDomain } from "@/lib/api/serializers/domain";
import { createDomain } from "@/lib/services/domains/create-domain";
import { listDomains } from "@/lib/services/domains/list-domains";

export const GET = defineRoute(listDomainsContract, async ({ actor, query }) => {
  const page = await listDomains({ orgId: actor.orgId, limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(serializeDomain), nextCursor: page.nextCursor };
});

export const POST = defineRoute(createDomainContract, async ({ actor, body }) =>
  serializeDomain(
    await createDomain(actor, {
      hostname: body.hostname,
      url: body.url,
      organizationName: body.organization_name,
      description: body.description,
    }),
  ),
);
