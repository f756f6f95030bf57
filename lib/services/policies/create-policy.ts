import type { Policy } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { assertPolicyDomain, validatePolicyRules, type PolicyKind } from "./policy-validation";
import { policySnapshot } from "./policy-snapshot";

export interface CreatePolicyInput {
  name: string;
  description?: string | null;
  kind: PolicyKind;
  rules: unknown;
  enabled?: boolean;
  /** Evaluation order (ascending); default: after the organization's last policy. */
  position?: number;
  domainId?: string | null;
}

export async function createPolicy(actor: Actor, input: CreatePolicyInput, prisma?: Prisma): Promise<Policy> {
  const db = prisma ?? (await getPrisma());
  return db.$transaction(async (tx) => {
    const rules = await validatePolicyRules(tx, { orgId: actor.orgId, kind: input.kind, rules: input.rules });
    await assertPolicyDomain(tx, actor.orgId, input.domainId);
    const last = await tx.policy.aggregate({ where: { organizationId: actor.orgId }, _max: { position: true } });
    const policy = await tx.policy.create({
      data: {
        organizationId: actor.orgId,
        name: input.name,
        description: input.description ?? null,
        kind: input.kind,
        rules,
        enabled: input.enabled ?? true,
        position: input.position ?? (last._max.position ?? 0) + 1,
        domainId: input.domainId ?? null,
      },
    });
    await recordAuditEvent(tx, actor, { action: "policy.create", targetType: "policy", targetId: policy.id, after: policySnapshot(policy) });
    return policy;
  });
}
