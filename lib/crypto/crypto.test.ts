import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, randomToken, sha256Hex } from "./index";

describe("secret box (AES-256-GCM)", () => {
  const key = randomBytes(32);

  it("round-trips unicode and uses a fresh nonce each time", () => {
    const plain = JSON.stringify({ token: "ghp_secret", note: "ünïcødé ✓" });
    const a = encryptSecret(plain, key);
    const b = encryptSecret(plain, key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("ghp_secret");
    expect(a.startsWith("v1.")).toBe(true);
    expect(decryptSecret(a, key)).toBe(plain);
    expect(decryptSecret(b, key)).toBe(plain);
  });

  it("refuses the wrong key, tampered data and foreign blobs", () => {
    const blob = encryptSecret("hello", key);
    expect(() => decryptSecret(blob, randomBytes(32))).toThrow(/authentication failed/);
    const [v, iv, tag, body] = blob.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join("."), key)).toThrow(/authentication failed/);
    expect(() => decryptSecret("hello", key)).toThrow(/not a Plumb secret blob/);
  });
});

describe("hash and tokens", () => {
  it("sha256Hex matches a known vector", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("randomToken gives the requested entropy and never repeats", () => {
    expect(randomToken(16)).toMatch(/^[0-9a-f]{32}$/);
    expect(randomToken(32, "base64url")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(Array.from({ length: 100 }, () => randomToken(16))).size).toBe(100);
    expect(() => randomToken(4)).toThrow(RangeError);
  });
});
