// One-click fixes in Cloudflare (HSTS, Always Use HTTPS) for a domain's zone, recorded in the audit log with
// the setting before and after. Refused by Cloudflare (the token lacks Zone Settings: Edit) → a plain message.
import { getPrisma } from "@/lib/db";
import { ProviderError } from "@/lib/integrations/provider";
import { applyZoneFix, readZoneSecurity, RECOMMENDED_HSTS, type CloudflareFix } from "@/lib/integrations/providers/cloudflare/zone-security";
import { recordAuditEvent, type Actor } from "../../audit/record-audit-event";
import { ServiceError } from "../../errors";
import { integrationContext } from "../integration-context";
import { providerFailure } from "../provider-failure";

export async function applyCloudflareFix(actor: Actor, input: { domainId: string; fix: CloudflareFix }): Promise<{ zone: string; fix: CloudflareFix }> {
  const db = await getPrisma();
  const domain = await db.domain.findFirst({ where: { id: input.domainId, organizationId: actor.orgId }, select: { id: true, host: true } });
  if (!domain) throw new ServiceError("not_found", "Domain not found.");
  const row = await db.integration.findUnique({ where: { organizationId_provider: { organizationId: actor.orgId, provider: "cloudflare" } } });
  if (!row || !row.encryptedCredentials || row.status === "disconnected") throw new ServiceError("conflict", "Connect Cloudflare first.");
  try {
    const { ctx } = integrationContext(row);
    const before = await readZoneSecurity(ctx, domain.host.replace(/:\d+$/, ""));
    if (!before) throw new ServiceError("not_found", `No Cloudflare zone visible to this token covers ${domain.host}.`);
    await applyZoneFix(ctx, before.zoneId, input.fix);
    await recordAuditEvent(db, actor, {
      action: "integration.cloudflare_apply",
      targetType: "domain",
      targetId: domain.id,
      metadata: {
        zone: before.zoneName,
        fix: input.fix,
        before: input.fix === "hsts" ? { hsts: before.hsts } : { alwaysUseHttps: before.alwaysUseHttps },
        after: input.fix === "hsts" ? { hsts: RECOMMENDED_HSTS } : { alwaysUseHttps: true },
      },
    });
    return { zone: before.zoneName, fix: input.fix };
  } catch (err) {
    if (err instanceof ProviderError) providerFailure(err);
    throw err;
  }
}
