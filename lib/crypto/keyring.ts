import { secrets } from "@/lib/env";
import { sha256Hex } from "./hash";
import { decryptSecret, encryptSecret } from "./secret-box";

/**
 * A key's id: the first 16 hex characters of SHA-256 over the key bytes. Stored next to each encrypted
 * credential so that, during a rotation, Plumb knows which key sealed a row without trial decryption, and
 * `plumb admin rotate-encryption-key` knows which rows still use the old one. It reveals nothing usable
 * about the key (a truncated hash of 256 random bits).
 */
export function encryptionKeyId(key: Buffer): string {
  return sha256Hex(key).slice(0, 16);
}

export interface Keyring {
  current: { id: string; key: Buffer };
  /** PLUMB_ENCRYPTION_KEY_PREVIOUS, kept readable while rows still use it. */
  previous?: { id: string; key: Buffer };
}

export function keyring(): Keyring {
  const s = secrets();
  return {
    current: { id: encryptionKeyId(s.encryptionKey), key: s.encryptionKey },
    previous: s.previousEncryptionKey ? { id: encryptionKeyId(s.previousEncryptionKey), key: s.previousEncryptionKey } : undefined,
  };
}

export interface SealedSecret {
  blob: string;
  keyId: string;
}

/** Encrypts with the current key (AES-256-GCM, lib/crypto/secret-box.ts) and says which key it was. */
export function seal(plain: string, ring: Keyring = keyring()): SealedSecret {
  return { blob: encryptSecret(plain, ring.current.key), keyId: ring.current.id };
}

export class UnknownEncryptionKeyError extends Error {
  constructor(readonly keyId: string) {
    super(
      `This credential was encrypted with key ${keyId}, which is neither PLUMB_ENCRYPTION_KEY nor PLUMB_ENCRYPTION_KEY_PREVIOUS.`,
    );
    this.name = "UnknownEncryptionKeyError";
  }
}

/** Decrypts with the key the row names; rows sealed before key ids existed (keyId null) use the current key. */
export function unseal(sealed: { blob: string; keyId: string | null }, ring: Keyring = keyring()): string {
  const id = sealed.keyId ?? ring.current.id;
  const key = id === ring.current.id ? ring.current.key : id === ring.previous?.id ? ring.previous.key : undefined;
  if (!key) throw new UnknownEncryptionKeyError(id);
  return decryptSecret(sealed.blob, key);
}
