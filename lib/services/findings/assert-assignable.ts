import type { PrismaNS } from "@/lib/db";
import { ServiceError } from "../errors";

/** Findings may only be assigned to active members of the finding's organization. */
export async function assertAssignable(tx: PrismaNS.TransactionClient, input: { orgId: string; userId: string }): Promise<void> {
  const member = await tx.membership.findFirst({
    where: { organizationId: input.orgId, userId: input.userId, status: "active" },
    select: { id: true },
  });
  if (!member) {
    throw new ServiceError("invalid_params", "assignee_id must be a member of this organization.", {
      issues: [{ path: ["body", "assignee_id"], message: "Not a member of this organization", code: "custom" }],
    });
  }
}
