// Integration secrets at rest: the credential (token or OAuth tokens) and the webhook secret, each AES-256-GCM
// with PLUMB_ENCRYPTION_KEY (lib/crypto/keyring.ts), stored with the key id so a rotation knows what to
// re-encrypt. Nothing here is ever serialized by the API: serializers read only status, account and config.
import { seal, unseal, type Keyring } from "@/lib/crypto";
import { credentialSchema, credentialSecret, type Credential } from "./provider";

export interface SealedCredentials {
  encryptedCredentials: string;
  encryptionKeyId: string;
}

export function sealCredential(c: Credential, ring?: Keyring): SealedCredentials {
  const { blob, keyId } = seal(JSON.stringify(credentialSchema.parse(c)), ring);
  return { encryptedCredentials: blob, encryptionKeyId: keyId };
}

export function openCredential(row: { encryptedCredentials: string | null; encryptionKeyId: string | null }, ring?: Keyring): Credential | null {
  if (!row.encryptedCredentials) return null;
  return credentialSchema.parse(JSON.parse(unseal({ blob: row.encryptedCredentials, keyId: row.encryptionKeyId }, ring)));
}

export function sealWebhookSecret(secret: string, ring?: Keyring): string {
  return seal(secret, ring).blob;
}

export function openWebhookSecret(row: { encryptedWebhookSecret: string | null; encryptionKeyId: string | null }, ring?: Keyring): string | null {
  if (!row.encryptedWebhookSecret) return null;
  return unseal({ blob: row.encryptedWebhookSecret, keyId: row.encryptionKeyId }, ring);
}

/**
 * Removes secrets from text that may reach a log or `Integration.lastError` (SDK errors sometimes echo the
 * request, headers included): the credential's secrets verbatim, and anything shaped like a bearer token.
 */
export function redactSecrets(text: string, credential?: Credential | null): string {
  let out = text;
  if (credential) {
    const secrets = [credentialSecret(credential), credential.type === "oauth" ? credential.refreshToken : undefined].filter((s): s is string => !!s && s.length >= 4);
    for (const s of secrets) out = out.split(s).join("[redacted]");
  }
  return out
    .replace(/(authorization|private-token|x-gitlab-token|x-hub-signature-256)(["']?\s*[:=]\s*["']?)[^"',\s}]+(\s+[^"',\s}]+)?/gi, "$1$2[redacted]")
    .replace(/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,})\b/g, "[redacted]");
}
