import { decryptSecret, encryptSecret, keyring, unseal, type Keyring } from "@/lib/crypto";
import type { Prisma } from "@/lib/db";

export interface RotationReport {
  integrations: number;
  oauthStates: number;
  totpSecrets: number;
  mailBodies: number;
  /** Rows neither key opens (kept as they are, reported). */
  unreadable: number;
}

/** Old blobs without a key id: current key first, then the previous one. */
function reopen(blob: string, ring: Keyring): string | null {
  for (const k of [ring.current.key, ring.previous?.key]) {
    if (!k) continue;
    try {
      return decryptSecret(blob, k);
    } catch {
      // try the next key
    }
  }
  return null;
}

/**
 * `plumb admin rotate-encryption-key`: re-encrypts every secret at rest with PLUMB_ENCRYPTION_KEY, reading
 * rows sealed with PLUMB_ENCRYPTION_KEY_PREVIOUS. Integration credentials and webhook secrets carry a key id,
 * so only rows of the old key are touched; TOTP secrets and mail bodies (no key id) are re-encrypted when the
 * current key does not open them. Row by row, each update guarded on the old value: safe to run while the
 * app runs, and to run again.
 */
export async function rotateEncryptionKey(db: Prisma, ring: Keyring = keyring()): Promise<RotationReport> {
  const report: RotationReport = { integrations: 0, oauthStates: 0, totpSecrets: 0, mailBodies: 0, unreadable: 0 };
  const cur = ring.current;

  const integrations = await db.integration.findMany({ where: { encryptionKeyId: { not: cur.id }, OR: [{ encryptedCredentials: { not: null } }, { encryptedWebhookSecret: { not: null } }] } });
  for (const row of integrations) {
    try {
      const creds = row.encryptedCredentials ? encryptSecret(unseal({ blob: row.encryptedCredentials, keyId: row.encryptionKeyId }, ring), cur.key) : null;
      const hook = row.encryptedWebhookSecret ? encryptSecret(unseal({ blob: row.encryptedWebhookSecret, keyId: row.encryptionKeyId }, ring), cur.key) : null;
      const { count } = await db.integration.updateMany({
        where: { id: row.id, encryptionKeyId: row.encryptionKeyId, encryptedCredentials: row.encryptedCredentials },
        data: { encryptedCredentials: creds, encryptedWebhookSecret: hook, encryptionKeyId: cur.id },
      });
      report.integrations += count;
    } catch {
      report.unreadable++;
    }
  }

  const states = await db.integrationOAuthState.findMany({ where: { encryptionKeyId: { not: cur.id } } });
  for (const s of states) {
    try {
      const blob = encryptSecret(unseal({ blob: s.encryptedCodeVerifier, keyId: s.encryptionKeyId }, ring), cur.key);
      report.oauthStates += (await db.integrationOAuthState.updateMany({ where: { id: s.id, encryptionKeyId: s.encryptionKeyId }, data: { encryptedCodeVerifier: blob, encryptionKeyId: cur.id } })).count;
    } catch {
      report.unreadable++;
    }
  }

  const opensWithCurrent = (blob: string) => {
    try {
      decryptSecret(blob, cur.key);
      return true;
    } catch {
      return false;
    }
  };
  for (const f of await db.totpFactor.findMany({ select: { userId: true, secretEncrypted: true } })) {
    if (opensWithCurrent(f.secretEncrypted)) continue;
    const plain = reopen(f.secretEncrypted, ring);
    if (plain === null) {
      report.unreadable++;
      continue;
    }
    report.totpSecrets += (await db.totpFactor.updateMany({ where: { userId: f.userId, secretEncrypted: f.secretEncrypted }, data: { secretEncrypted: encryptSecret(plain, cur.key) } })).count;
  }
  for (const m of await db.mailMessage.findMany({ select: { id: true, textEncrypted: true, htmlEncrypted: true } })) {
    if (opensWithCurrent(m.textEncrypted)) continue;
    const text = reopen(m.textEncrypted, ring);
    const html = m.htmlEncrypted ? reopen(m.htmlEncrypted, ring) : null;
    if (text === null) {
      report.unreadable++;
      continue;
    }
    report.mailBodies += (await db.mailMessage.updateMany({ where: { id: m.id, textEncrypted: m.textEncrypted }, data: { textEncrypted: encryptSecret(text, cur.key), htmlEncrypted: html === null ? m.htmlEncrypted : encryptSecret(html, cur.key) } })).count;
  }
  return report;
}
