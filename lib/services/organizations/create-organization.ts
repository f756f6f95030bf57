import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { isUniqueViolation } from "../prisma-errors";
import { uniqueOrgSlug } from "./unique-org-slug";

export const createOrganizationInput = z.object({
  name: z.string().trim().min(1, "Organization name is required.").max(100, "Organization name is too long."),
});
export type CreateOrganizationInput = z.input<typeof createOrganizationInput>;

/** A further organization for an existing user, who becomes its owner (sign-up creates the first one). */
export async function createOrganization(input: { userId: string } & CreateOrganizationInput, prisma?: Prisma) {
  const { userId } = input;
  const parsed = createOrganizationInput.safeParse({ name: input.name });
  if (!parsed.success) {
    throw new ServiceError("invalid_params", parsed.error.issues.map((i) => i.message).join(" "), { issues: parsed.error.issues });
  }
  const { name } = parsed.data;
  const db = prisma ?? (await getPrisma());
  // Two creators can race for the same slug; the loser retries with the next free one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const slug = await uniqueOrgSlug(tx, name);
        const organization = await tx.organization.create({ data: { name, slug } });
        const membership = await tx.membership.create({
          data: { organizationId: organization.id, userId, role: "owner", status: "active" },
        });
        return { organization, membership };
      });
    } catch (err) {
      if (isUniqueViolation(err, "slug") && attempt < 5) continue;
      throw err;
    }
  }
}
