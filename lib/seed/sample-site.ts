import type { Prisma } from "@/lib/db";
import { randomToken } from "@/lib/crypto/random-token";
import { createScan } from "@/lib/services/scans/create-scan";

/**
 * Gives the demo organization the bundled sample site (lib/sample-site) as a domain that is already
 * verified: the demo owns it by construction, since this process serves it. Returns the domain id.
 * Idempotent per (organization, host).
 */
export async function seedSampleDomain(input: { orgId: string; origin: string; now?: Date }, prisma: Prisma): Promise<{ domainId: string }> {
  const u = new URL(input.origin);
  const host = u.host.toLowerCase();
  const scheme = u.protocol === "https:" ? "https" : "http";
  const now = input.now ?? new Date();
  const domain = await prisma.domain.upsert({
    where: { organizationId_host: { organizationId: input.orgId, host } },
    create: {
      organizationId: input.orgId,
      host,
      scheme,
      verifyToken: randomToken(16),
      verifiedAt: now,
      verificationMethod: "file",
      organizationName: "Harbor Coffee Roasters (sample site)",
      description: "A small sample website bundled with Plumb, with problems in every pillar to explore.",
    },
    update: {},
  });
  return { domainId: domain.id };
}

/**
 * The sample site moved to another port (the stored one was taken): every domain still pointing at the old
 * origin follows it, so the demo keeps its history and "Scan again" keeps working.
 */
export async function moveSampleDomains(input: { fromOrigin: string; toOrigin: string }, prisma: Prisma): Promise<number> {
  const from = new URL(input.fromOrigin).host.toLowerCase();
  const to = new URL(input.toOrigin).host.toLowerCase();
  if (from === to) return 0;
  const { count } = await prisma.domain.updateMany({ where: { host: from, scheme: "http" }, data: { host: to } });
  return count;
}

/** The first scan of the sample domain, launched on the first start so results exist within the minute. */
export async function launchSampleScan(input: { orgId: string; userId: string; domainId: string }, prisma: Prisma) {
  const { scan } = await createScan(
    { orgId: input.orgId, userId: input.userId, apiKeyId: null, requestId: null },
    { domainId: input.domainId, maxPages: 10, trigger: "manual" },
    prisma,
  );
  return { scanId: scan.id };
}
