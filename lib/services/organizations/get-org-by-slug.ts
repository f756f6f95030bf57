import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";

export async function getOrganizationBySlugOrThrow(slug: string, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const org = await db.organization.findUnique({ where: { slug } });
  if (!org) throw new ServiceError("not_found", `No organization with slug "${slug}".`);
  return org;
}
