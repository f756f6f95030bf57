import { env, type Env } from "./env";
import { EnvError } from "./errors";
import { loadOrCreateSecretsFile } from "./secrets-file";
import { parseEncryptionKey } from "./encryption-key";

export interface Secrets {
  nextauthSecret: string;
  /** 32 bytes, for AES-256-GCM (lib/crypto/secret-box.ts). */
  encryptionKey: Buffer;
  /** PLUMB_ENCRYPTION_KEY_PREVIOUS during a key rotation (lib/crypto/keyring.ts). */
  previousEncryptionKey?: Buffer;
}

const MIN_SECRET_LENGTH = 32;

/**
 * Secrets come from the environment; in embedded mode a missing one is generated once and kept in the data
 * directory (so a newcomer needs no configuration and sessions survive restarts). With DATABASE_URL set we
 * assume production and several instances: they must share the same values, so they are required.
 */
export function resolveSecrets(e: Env): Secrets {
  const problems: string[] = [];
  let stored: { NEXTAUTH_SECRET: string; PLUMB_ENCRYPTION_KEY: string } | undefined;
  const fromFile = () => (stored ??= loadOrCreateSecretsFile(e.dataDir));

  let nextauthSecret = e.NEXTAUTH_SECRET;
  if (nextauthSecret === undefined && e.database === "embedded") nextauthSecret = fromFile().NEXTAUTH_SECRET;
  if (nextauthSecret === undefined) problems.push("NEXTAUTH_SECRET is required when DATABASE_URL is set (generate one: openssl rand -base64 32).");
  else if (nextauthSecret.length < MIN_SECRET_LENGTH) problems.push(`NEXTAUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters.`);

  let keyText = e.PLUMB_ENCRYPTION_KEY;
  if (keyText === undefined && e.database === "embedded") keyText = fromFile().PLUMB_ENCRYPTION_KEY;
  let encryptionKey: Buffer | undefined;
  if (keyText === undefined) problems.push("PLUMB_ENCRYPTION_KEY is required when DATABASE_URL is set (generate one: openssl rand -base64 32).");
  else {
    encryptionKey = parseEncryptionKey(keyText);
    if (!encryptionKey) problems.push("PLUMB_ENCRYPTION_KEY must be 32 bytes, written as 64 hex characters or base64 (openssl rand -base64 32).");
  }

  let previousEncryptionKey: Buffer | undefined;
  if (e.PLUMB_ENCRYPTION_KEY_PREVIOUS !== undefined) {
    previousEncryptionKey = parseEncryptionKey(e.PLUMB_ENCRYPTION_KEY_PREVIOUS);
    if (!previousEncryptionKey) problems.push("PLUMB_ENCRYPTION_KEY_PREVIOUS must be 32 bytes, written as 64 hex characters or base64.");
  }

  if (problems.length || !nextauthSecret || !encryptionKey) {
    throw new EnvError(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  return { nextauthSecret, encryptionKey, previousEncryptionKey };
}

const cache = globalThis as unknown as { __plumbSecrets?: Secrets };

/** The process's secrets, resolved once (may create the data directory's secrets file in embedded mode). */
export function secrets(): Secrets {
  cache.__plumbSecrets ??= resolveSecrets(env());
  return cache.__plumbSecrets;
}

export function resetSecrets(): void {
  cache.__plumbSecrets = undefined;
}
