import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { ServiceError } from "../errors";
import { isUniqueViolation } from "../prisma-errors";
import { uniqueOrgSlug } from "../organizations/unique-org-slug";
import { passwordSchema } from "./password-policy";

export const createUserWithOrgInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address." })),
  password: passwordSchema,
  orgName: z.string().trim().min(1, "Organization name is required.").max(100, "Organization name is too long."),
  name: z.string().trim().max(100).optional(),
});
export type CreateUserWithOrgInput = z.input<typeof createUserWithOrgInput>;

/**
 * `plumb admin create-user` (and tests): a user, a new organization (unique slug from its name) and the
 * user's owner membership, all or nothing. The administrator vouches for the address: it counts as verified.
 * Sign-up goes through signUp() instead, which verifies the address by e-mail.
 */
export async function createUserWithOrg(input: CreateUserWithOrgInput, prisma?: Prisma) {
  const parsed = createUserWithOrgInput.safeParse(input);
  if (!parsed.success) {
    throw new ServiceError("invalid_params", parsed.error.issues.map((i) => i.message).join(" "), { issues: parsed.error.issues });
  }
  const { email, password, orgName, name } = parsed.data;
  const db = prisma ?? (await getPrisma());
  // Hash outside the transaction: on PGlite everything else waits while a transaction is open.
  const passwordHash = await hashPassword(password);

  // Two sign-ups with the same org name can race for a slug; the loser retries with the next free one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
          throw new ServiceError("conflict", `A user with email ${email} already exists.`);
        }
        const slug = await uniqueOrgSlug(tx, orgName);
        const user = await tx.user.create({ data: { email, passwordHash, name: name || null, emailVerified: new Date() } });
        const organization = await tx.organization.create({ data: { name: orgName, slug } });
        const membership = await tx.membership.create({
          data: { organizationId: organization.id, userId: user.id, role: "owner", status: "active" },
        });
        return { user, organization, membership };
      });
    } catch (err) {
      if (isUniqueViolation(err, "email")) throw new ServiceError("conflict", `A user with email ${email} already exists.`);
      if (isUniqueViolation(err, "slug") && attempt < 5) continue;
      throw err;
    }
  }
}
