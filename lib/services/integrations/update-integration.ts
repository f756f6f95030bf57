import { getPrisma, type PrismaNS } from "@/lib/db";
import type { ProviderId } from "@/lib/integrations/provider";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { checkBaseUrl } from "./check-base-url";
import { getIntegration } from "./get-integration";
import { providerOf } from "./integration-context";

/**
 * Changes the mapping (repo/project, labels, assignees) — merged over the stored config and validated with
 * the provider's schema — and, for self-hosted editions, the base URL. Assignee map keys must be members.
 */
export async function updateIntegration(actor: Actor, input: { provider: ProviderId; config?: Record<string, unknown>; baseUrl?: string | null }) {
  const row = await getIntegration({ orgId: actor.orgId, provider: input.provider });
  const provider = providerOf(input.provider);
  const merged = { ...((row.config ?? {}) as Record<string, unknown>), ...(input.config ?? {}) };
  const parsed = provider.configSchema.safeParse(merged);
  if (!parsed.success) throw new ServiceError("invalid_params", "The integration settings are invalid.", { issues: parsed.error.issues.map((i) => ({ ...i, path: ["config", ...i.path] })) });
  const assignees = (parsed.data as { assignees?: Record<string, string> }).assignees ?? {};
  const db = await getPrisma();
  const ids = Object.keys(assignees);
  if (ids.length) {
    const members = await db.membership.findMany({ where: { organizationId: actor.orgId, userId: { in: ids } }, select: { userId: true } });
    const known = new Set(members.map((m) => m.userId));
    const stranger = ids.find((id) => !known.has(id));
    if (stranger) throw new ServiceError("invalid_params", `The assignee map names someone who is not a member of this organization (${stranger}).`);
  }
  const baseUrl = input.baseUrl === undefined ? row.baseUrl : input.baseUrl === null ? null : await checkBaseUrl(input.baseUrl);
  return db.$transaction(async (tx) => {
    const updated = await tx.integration.update({ where: { id: row.id }, data: { config: parsed.data as PrismaNS.InputJsonValue, baseUrl } });
    await recordAuditEvent(tx, actor, { action: "integration.update", targetType: "integration", targetId: row.id, metadata: { provider: input.provider, fields: Object.keys(input.config ?? {}), base_url_changed: baseUrl !== row.baseUrl } });
    return updated;
  });
}
