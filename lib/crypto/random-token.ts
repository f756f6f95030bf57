import { randomBytes } from "node:crypto";

/**
 * A random token of `bytes` bytes of CSPRNG entropy. Hex by default: URL-, header- and filename-safe, and
 * selectable with a double click (base64url's '-' and '_' break word selection in terminals).
 */
export function randomToken(bytes = 32, encoding: "hex" | "base64url" = "hex"): string {
  if (!Number.isInteger(bytes) || bytes < 8 || bytes > 1024) throw new RangeError("randomToken: bytes must be an integer in 8..1024");
  return randomBytes(bytes).toString(encoding);
}
