// Key rotation: rows sealed with the previous key are re-encrypted with the current one (key id updated),
// rows already on the current key are left alone, and a second run changes nothing.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { decryptSecret, encryptionKeyId, encryptSecret, type Keyring } from "@/lib/crypto";
import type { Database } from "@/lib/db";
import { openCredential, openWebhookSecret, sealCredential, sealWebhookSecret } from "@/lib/integrations/credentials";
import { rotateEncryptionKey } from "@/lib/services/integrations/rotate-encryption-key";
import { createTestDatabase } from "@/test/support/db";
import { seedTenant } from "@/test/services/seed";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const key = () => randomBytes(32);
const ring = (current: Buffer, previous?: Buffer): Keyring => ({ current: { id: encryptionKeyId(current), key: current }, previous: previous ? { id: encryptionKeyId(previous), key: previous } : undefined });

it("re-encrypts integration credentials, webhook secrets and TOTP secrets from the previous key", async () => {
  const oldKey = key();
  const newKey = key();
  const before = ring(oldKey);
  const t = await seedTenant(db.prisma);
  const sealed = sealCredential({ type: "token", token: "ghp_rotate_me_000000000000" }, before);
  const row = await db.prisma.integration.create({ data: { organizationId: t.orgId, provider: "github", status: "connected", ...sealed, encryptedWebhookSecret: sealWebhookSecret("hook-secret", before) } });
  await db.prisma.totpFactor.create({ data: { userId: t.userId, secretEncrypted: encryptSecret("JBSWY3DPEHPK3PXP", oldKey) } });

  const after = ring(newKey, oldKey);
  const report = await rotateEncryptionKey(db.prisma, after);
  expect(report).toMatchObject({ integrations: 1, totpSecrets: 1, unreadable: 0 });
  const rotated = await db.prisma.integration.findUniqueOrThrow({ where: { id: row.id } });
  expect(rotated.encryptionKeyId).toBe(encryptionKeyId(newKey));
  // Readable with the new key alone.
  expect(openCredential(rotated, ring(newKey))).toEqual({ type: "token", token: "ghp_rotate_me_000000000000" });
  expect(openWebhookSecret(rotated, ring(newKey))).toBe("hook-secret");
  expect(() => openCredential(rotated, ring(oldKey))).toThrow(/neither PLUMB_ENCRYPTION_KEY/);
  const totp = await db.prisma.totpFactor.findUniqueOrThrow({ where: { userId: t.userId } });
  expect(decryptSecret(totp.secretEncrypted, newKey)).toBe("JBSWY3DPEHPK3PXP");

  expect(await rotateEncryptionKey(db.prisma, after)).toMatchObject({ integrations: 0, totpSecrets: 0 });
});
