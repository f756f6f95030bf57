import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { getCreditBalance } from "./get-balance";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event";

export const grantCreditsInput = z.object({
  orgId: z.string().min(1),
  // Negative grants are corrections; they belong to reason=adjustment, not here.
  amount: z.number().int("Amount must be a whole number.").positive("Amount must be positive.").max(1_000_000_000),
  note: z.string().trim().max(500).optional(),
});
export type GrantCreditsInput = z.input<typeof grantCreditsInput>;

/** Appends a reason=grant row and returns it with the resulting balance (read in the same transaction). */
export async function grantCredits(input: GrantCreditsInput, prisma?: Prisma) {
  const parsed = grantCreditsInput.safeParse(input);
  if (!parsed.success) {
    throw new ServiceError("invalid_params", parsed.error.issues.map((i) => i.message).join(" "), { issues: parsed.error.issues });
  }
  const { orgId, amount, note } = parsed.data;
  const db = prisma ?? (await getPrisma());
  return db.$transaction(async (tx) => {
    if (!(await tx.organization.findUnique({ where: { id: orgId }, select: { id: true } }))) {
      throw new ServiceError("not_found", "Organization not found.");
    }
    const entry = await tx.creditLedger.create({ data: { organizationId: orgId, amount, reason: "grant", note: note || null } });
    // Granted by an operator (plumb admin grant-credits), not by a member: the system is the actor.
    await recordAuditEvent(tx, systemActor(orgId), { action: "credits.grant", targetType: "organization", targetId: orgId, metadata: { amount, note: note || null } });
    return { entry, balance: await getCreditBalance(orgId, tx) };
  });
}
