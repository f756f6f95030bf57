import { createHmac, timingSafeEqual } from "node:crypto";
import { sha256Hex } from "@/lib/crypto/hash";
import { randomToken } from "@/lib/crypto/random-token";
import { secrets } from "@/lib/env/secrets";

/** 32 random bytes, base64url: the only copy is the URL shown once; the database keeps its SHA-256. */
export function newShareToken(): { token: string; tokenHash: string } {
  const token = randomToken(32, "base64url");
  return { token, tokenHash: sha256Hex(token) };
}

export function shareTokenHash(token: string): string {
  return sha256Hex(token);
}

/** A syntactically possible token (43 base64url characters); anything else is not looked up at all. */
export function isShareTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

// The cookie that remembers a correct password for one link: HMAC over the link id, the password hash
// (changing or removing the password invalidates it) and the expiry, keyed by NEXTAUTH_SECRET.
export const SHARE_UNLOCK_SECONDS = 12 * 3600;

function mac(linkId: string, passwordHash: string, exp: number): string {
  return createHmac("sha256", secrets().nextauthSecret).update(`share-unlock\0${linkId}\0${passwordHash}\0${exp}`).digest("base64url");
}

export function signShareUnlock(linkId: string, passwordHash: string, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + SHARE_UNLOCK_SECONDS;
  return `${exp}.${mac(linkId, passwordHash, exp)}`;
}

export function verifyShareUnlock(value: string | undefined, linkId: string, passwordHash: string, now = Date.now()): boolean {
  if (!value) return false;
  const [expText, sig] = value.split(".");
  const exp = Number(expText);
  if (!sig || !Number.isInteger(exp) || exp * 1000 < now) return false;
  const want = Buffer.from(mac(linkId, passwordHash, exp));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}
