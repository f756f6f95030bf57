import { getPrisma } from "@/lib/db";
import { randomToken } from "@/lib/crypto/random-token";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { isUniqueViolation } from "../prisma-errors";
import { normalizeDomainInput } from "./normalize-domain-input";

export interface CreateDomainInput {
  hostname?: string;
  url?: string;
  organizationName?: string | null;
  description?: string | null;
}

/** Adds an unverified domain with a fresh verification token; 409 conflict when the organization has it. */
export async function createDomain(actor: Actor, input: CreateDomainInput) {
  const { scheme, host } = normalizeDomainInput(input);
  const db = await getPrisma();
  try {
    return await db.$transaction(async (tx) => {
      const domain = await tx.domain.create({
        data: {
          organizationId: actor.orgId,
          host,
          scheme,
          verifyToken: randomToken(16),
          organizationName: input.organizationName ?? null,
          description: input.description ?? null,
        },
      });
      await recordAuditEvent(tx, actor, { action: "domain.create", targetType: "domain", targetId: domain.id, metadata: { host, scheme } });
      return domain;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ServiceError("conflict", `This organization already has ${host}.`);
    throw err;
  }
}
