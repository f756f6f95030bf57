import { randomToken, sha256Hex } from "@/lib/crypto";

// The session JWT carries a random id; the database keeps only its SHA-256 (Session.sessionToken), so a copy
// of the table cannot be turned into valid sessions even together with the signing secret.
export function newSessionId(): string {
  return randomToken(32);
}

export function sessionTokenHash(sid: string): string {
  return sha256Hex(`session:${sid}`);
}
