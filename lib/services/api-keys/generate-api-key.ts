import { randomToken } from "@/lib/crypto/random-token";
import { sha256Hex } from "@/lib/crypto/hash";

export const API_KEY_PREFIX = "plumb_";
const PREFIX_LENGTH = 12;

/** A fresh raw key and what we store of it: its SHA-256 (to look it up) and a short prefix (to recognise it). */
export function generateApiKey(): { raw: string; hash: string; prefix: string } {
  const raw = `${API_KEY_PREFIX}${randomToken(24)}`;
  return { raw, hash: hashApiKey(raw), prefix: raw.slice(0, PREFIX_LENGTH) };
}

/** The stored lookup hash of a raw key presented in `Authorization: Bearer …`. */
export function hashApiKey(raw: string): string {
  return sha256Hex(raw);
}
