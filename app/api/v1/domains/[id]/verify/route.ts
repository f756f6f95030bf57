import { defineRoute } from "@/lib/http/define-route";
import { verifyDomainContract } from "@/lib/api/contract/domains";
import { serializeDomain } from "@/lib/api/serializers/domain";
import { verifyDomain } from "@/lib/services/verification/verify-domain";

export const POST = defineRoute(verifyDomainContract, async ({ actor, params }) => {
  const { outcome, domain } = await verifyDomain(actor, params.id);
  return { ...outcome, domain: serializeDomain(domain) };
});
