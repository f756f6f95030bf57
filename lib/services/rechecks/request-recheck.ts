import type { Verification } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { enqueueJob, flushOutbox } from "@/lib/jobs/outbox";
import { allChecks } from "@/lib/scanner/checks";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { getCreditBalance } from "../credits/get-balance";
import { lockOrganizationForCredits } from "../credits/lock-organization";
import { ensureMonthlyGrant } from "../credits/monthly-grant";
import { ServiceError } from "../errors";

/** A re-check of one finding costs one credit, whatever the number of its pages. */
export const RECHECK_COST = 1;

const RECHECKABLE = new Set(["open", "in_progress", "accepted_risk"]);

/**
 * Starts a re-check of one finding: re-runs only its rule on the pages of its instances. In one transaction:
 * the finding's row lock (so two requests never start two re-checks), the credit reservation under the
 * organization lock, the Verification row, its ledger row, the audit event and the outbox row of the
 * `plumb/verification.requested` job. A re-check of the finding that is still pending or running is returned
 * as it is (created: false), charging nothing.
 */
export async function requestRecheck(
  actor: Actor,
  input: { findingId: string; now?: Date },
  prisma?: Prisma,
): Promise<{ verification: Verification; created: boolean; creditsRemaining: number }> {
  const db = prisma ?? (await getPrisma());
  const result = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Finding" WHERE "id" = ${input.findingId} AND "organizationId" = ${actor.orgId} FOR UPDATE`;
    if (locked.length === 0) throw new ServiceError("not_found", "Finding not found.");
    const finding = await tx.finding.findUniqueOrThrow({
      where: { id: input.findingId },
      include: { domain: { select: { id: true, host: true, verifiedAt: true } } },
    });
    const running = await tx.verification.findFirst({
      where: { findingId: finding.id, status: { in: ["pending", "running"] } },
      orderBy: { createdAt: "desc" },
    });
    if (running) return { verification: running, created: false, creditsRemaining: await getCreditBalance(actor.orgId, tx) };
    if (!RECHECKABLE.has(finding.status)) {
      throw new ServiceError("conflict", `A ${finding.status.replace("_", " ")} finding is not re-checked; re-open it first.`);
    }
    if (!allChecks.some((c) => c.rule === finding.rule)) throw new ServiceError("conflict", `The rule ${finding.rule} no longer exists in this version of Plumb.`);
    if (!finding.domain.verifiedAt) {
      throw new ServiceError("domain_not_verified", `Verify ownership of ${finding.domain.host} before re-checking its findings.`, { domain_id: finding.domain.id });
    }
    await lockOrganizationForCredits(tx, actor.orgId);
    await ensureMonthlyGrant({ orgId: actor.orgId, now: input.now }, tx);
    const balance = await getCreditBalance(actor.orgId, tx);
    if (balance < RECHECK_COST) {
      throw new ServiceError("insufficient_credits", `A re-check costs ${RECHECK_COST} credit; the balance is ${balance}.`, { cost: RECHECK_COST, balance });
    }
    const verification = await tx.verification.create({
      data: {
        organizationId: actor.orgId,
        findingId: finding.id,
        rule: finding.rule,
        status: "pending",
        creditsReserved: RECHECK_COST,
        createdById: actor.userId,
        apiKeyId: actor.apiKeyId,
        ...(input.now ? { createdAt: input.now } : {}),
      },
    });
    await tx.creditLedger.create({
      data: { organizationId: actor.orgId, amount: -RECHECK_COST, reason: "recheck_reserve", note: `verification:${verification.id}` },
    });
    await recordAuditEvent(tx, actor, {
      action: "verification.create",
      targetType: "verification",
      targetId: verification.id,
      metadata: { finding_id: finding.id, rule: finding.rule, cost: RECHECK_COST },
    });
    await enqueueJob(tx, {
      event: "plumb/verification.requested",
      data: { verificationId: verification.id, organizationId: actor.orgId },
      key: `verification:${verification.id}`,
    });
    return { verification, created: true, creditsRemaining: balance - RECHECK_COST };
  });
  // After the commit: on PGlite a send from inside the transaction would wait on it forever.
  if (result.created) await flushOutbox();
  return result;
}
