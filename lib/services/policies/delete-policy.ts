import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { getPolicy } from "./get-policy";
import { policySnapshot } from "./policy-snapshot";

export async function deletePolicy(actor: Actor, input: { policyId: string }, prisma?: Prisma): Promise<{ id: string }> {
  const db = prisma ?? (await getPrisma());
  return db.$transaction(async (tx) => {
    const before = await getPolicy({ orgId: actor.orgId, policyId: input.policyId }, tx);
    await tx.policy.delete({ where: { id: before.id } });
    await recordAuditEvent(tx, actor, { action: "policy.delete", targetType: "policy", targetId: before.id, before: policySnapshot(before) });
    return { id: before.id };
  });
}
