import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { generateApiKey } from "./generate-api-key";
import { parseScopes } from "./scopes";

export const createApiKeyInput = z.object({
  orgId: z.string().min(1),
  name: z.string().trim().min(1, "Key name is required.").max(100, "Key name is too long."),
  scopes: z.union([z.string(), z.array(z.string())]),
  createdById: z.string().min(1).optional(),
  expiresAt: z.date().optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

/** Stores a new key's hash and returns the raw key: the only time anybody sees it. */
export async function createApiKey(input: CreateApiKeyInput, prisma?: Prisma) {
  const parsed = createApiKeyInput.safeParse(input);
  if (!parsed.success) {
    throw new ServiceError("invalid_params", parsed.error.issues.map((i) => i.message).join(" "), { issues: parsed.error.issues });
  }
  const { orgId, name, createdById, expiresAt } = parsed.data;
  let scopes: string[];
  try {
    scopes = parseScopes(parsed.data.scopes);
  } catch (err) {
    throw new ServiceError("invalid_params", (err as Error).message);
  }
  const db = prisma ?? (await getPrisma());
  if (!(await db.organization.findUnique({ where: { id: orgId }, select: { id: true } }))) {
    throw new ServiceError("not_found", "Organization not found.");
  }
  const { raw, hash, prefix } = generateApiKey();
  const apiKey = await db.apiKey.create({
    data: { organizationId: orgId, name, prefix, hash, scopes, createdById: createdById ?? null, expiresAt: expiresAt ?? null },
  });
  return { apiKey, rawKey: raw };
}
