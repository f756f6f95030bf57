import type { Policy } from "@/generated/prisma/client";
import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { getPolicy } from "./get-policy";
import { policySnapshot } from "./policy-snapshot";
import { assertPolicyDomain, validatePolicyRules } from "./policy-validation";

export interface PolicyPatch {
  name?: string;
  description?: string | null;
  rules?: unknown;
  enabled?: boolean;
  position?: number;
  domainId?: string | null;
}

/** Changes a policy; its kind is fixed at creation (a gate's rules mean nothing to an automation rule). */
export async function updatePolicy(actor: Actor, input: { policyId: string; patch: PolicyPatch }, prisma?: Prisma): Promise<Policy> {
  const db = prisma ?? (await getPrisma());
  return db.$transaction(async (tx) => {
    const before = await getPolicy({ orgId: actor.orgId, policyId: input.policyId }, tx);
    const data: PrismaNS.PolicyUpdateInput = {};
    if (input.patch.name !== undefined) data.name = input.patch.name;
    if (input.patch.description !== undefined) data.description = input.patch.description;
    if (input.patch.enabled !== undefined) data.enabled = input.patch.enabled;
    if (input.patch.position !== undefined) data.position = input.patch.position;
    if (input.patch.rules !== undefined) data.rules = await validatePolicyRules(tx, { orgId: actor.orgId, kind: before.kind, rules: input.patch.rules });
    if (input.patch.domainId !== undefined) {
      await assertPolicyDomain(tx, actor.orgId, input.patch.domainId);
      data.domain = input.patch.domainId ? { connect: { id: input.patch.domainId } } : { disconnect: true };
    }
    const after = await tx.policy.update({ where: { id: before.id }, data });
    await recordAuditEvent(tx, actor, {
      action: "policy.update",
      targetType: "policy",
      targetId: before.id,
      before: policySnapshot(before),
      after: policySnapshot(after),
    });
    return after;
  });
}
