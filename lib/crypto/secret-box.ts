import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { secrets } from "@/lib/env";

// Versioned so the format (or the key, via rotation) can change without guessing what an old blob is.
const VERSION = "v1";
const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;

/**
 * AES-256-GCM for integration credentials at rest. The blob is "v1.<iv>.<tag>.<ciphertext>" (base64url parts):
 * text, so it fits a String column, and authenticated, so a tampered blob fails instead of decrypting to junk.
 */
export function encryptSecret(plain: string, key: Buffer = secrets().encryptionKey): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(blob: string, key: Buffer = secrets().encryptionKey): string {
  const [version, iv, tag, body, ...rest] = blob.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined || rest.length) {
    throw new Error("decryptSecret: not a Plumb secret blob");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // Wrong key or tampered data: say so without leaking OpenSSL internals.
    throw new Error("decryptSecret: authentication failed (wrong PLUMB_ENCRYPTION_KEY or corrupted data)");
  }
}
