// Seed helpers for service tests: an organization with a verified domain and a known credit balance.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db";
import type { Actor } from "@/lib/services/audit/record-audit-event";
import { monthlyPeriodKey } from "@/lib/services/credits/monthly-grant";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";

export interface SeededTenant {
  actor: Actor;
  orgId: string;
  userId: string;
  domainId: string;
}

/**
 * `credits` becomes this month's grant row, so the lazy monthly grant finds the month already granted and
 * the balance is exactly `credits`.
 */
export async function seedTenant(
  db: Prisma,
  opts: { credits?: number; verified?: boolean; host?: string; now?: Date } = {},
): Promise<SeededTenant> {
  const suffix = randomBytes(4).toString("hex");
  const { user, organization } = await createUserWithOrg(
    { email: `svc-${suffix}@example.test`, password: `pw-${suffix}-long-enough`, orgName: `Svc ${suffix}` },
    db,
  );
  await db.creditLedger.create({
    data: {
      organizationId: organization.id,
      amount: opts.credits ?? 100,
      reason: "monthly_grant",
      periodKey: monthlyPeriodKey(opts.now),
    },
  });
  const domain = await db.domain.create({
    data: {
      organizationId: organization.id,
      host: opts.host ?? `site-${suffix}.example`,
      scheme: "https",
      verifyToken: `tok-${suffix}`,
      verifiedAt: opts.verified === false ? null : new Date(),
      verificationMethod: opts.verified === false ? null : "file",
    },
  });
  return {
    actor: { orgId: organization.id, userId: user.id, apiKeyId: null, requestId: null },
    orgId: organization.id,
    userId: user.id,
    domainId: domain.id,
  };
}

export async function ledgerSum(db: Prisma, orgId: string): Promise<number> {
  const agg = await db.creditLedger.aggregate({ where: { organizationId: orgId }, _sum: { amount: true } });
  return agg._sum.amount ?? 0;
}
