import { getBrandingContract, patchBrandingContract } from "@/lib/api/contract/branding";
import { serializeBranding } from "@/lib/api/serializers/branding";
import { defineRoute } from "@/lib/http/define-route";
import { ForbiddenError } from "@/lib/http/errors";
import { getBranding } from "@/lib/services/branding/get-branding";
import { updateBranding } from "@/lib/services/branding/update-branding";

export const GET = defineRoute(getBrandingContract, async ({ actor, query }) =>
  serializeBranding(await getBranding({ orgId: actor.orgId, domainId: query.domain_id })),
);

export const PATCH = defineRoute(patchBrandingContract, async ({ actor, caller, body }) => {
  // Branding speaks for the whole organization: owners and admins only (their sessions hold every scope).
  if (caller.kind === "session" && !caller.scopes.includes("*")) throw new ForbiddenError("Only owners and admins can change the branding.");
  const { domain_id, logo, ...patch } = body;
  const bytes = logo === undefined ? undefined : logo === null ? null : new Uint8Array(Buffer.from(logo, "base64"));
  return serializeBranding(await updateBranding(actor, { domainId: domain_id, patch, logo: bytes }));
});
