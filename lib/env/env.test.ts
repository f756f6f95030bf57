import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EnvError, parseEnv, resolveSecrets } from "./index";
import { parseEncryptionKey } from "./encryption-key";
import { secretsFilePath } from "./secrets-file";

const dirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-env-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const HEX_KEY = "ab".repeat(32);
const B64_KEY = Buffer.alloc(32, 7).toString("base64");
const SECRET = "s".repeat(40);

describe("parseEnv", () => {
  it("reads session lifetime, trusted proxy hops and the passkey site name", () => {
    expect(parseEnv({})).toMatchObject({ PLUMB_SESSION_DAYS: 14, PLUMB_TRUSTED_PROXY_HOPS: 0, PLUMB_WEBAUTHN_RP_NAME: "Plumb" });
    expect(parseEnv({ PLUMB_SESSION_DAYS: "3", PLUMB_TRUSTED_PROXY_HOPS: "2", PLUMB_WEBAUTHN_RP_NAME: "Acme Audits" })).toMatchObject({
      PLUMB_SESSION_DAYS: 3,
      PLUMB_TRUSTED_PROXY_HOPS: 2,
      PLUMB_WEBAUTHN_RP_NAME: "Acme Audits",
    });
    expect(() => parseEnv({ PLUMB_SESSION_DAYS: "0" })).toThrow(/PLUMB_SESSION_DAYS/);
    expect(() => parseEnv({ PLUMB_TRUSTED_PROXY_HOPS: "-1" })).toThrow(/PLUMB_TRUSTED_PROXY_HOPS/);
  });

  it("applies defaults and derives the running mode", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({ PORT: 3000, PLUMB_MONTHLY_FREE_CREDITS: 100, demoSeed: true, PLUMB_ALLOW_PRIVATE_TARGETS: false });
    expect(e.database).toBe("embedded");
    expect(e.jobs).toBe("embedded");
    expect(e.dataDir).toBe(path.resolve(".plumb"));
  });

  it("parses flags, numbers and modes, treating empty strings as unset", () => {
    const e = parseEnv({
      DATABASE_URL: "postgresql://u@db:5432/plumb",
      PORT: "8080",
      PLUMB_DEMO_SEED: "0",
      PLUMB_ALLOW_PRIVATE_TARGETS: "true",
      PLUMB_MONTHLY_FREE_CREDITS: "",
      INNGEST_DEV: "1",
      OPENAI_API_KEY: "",
    });
    expect(e).toMatchObject({ database: "postgres", jobs: "inngest", PORT: 8080, demoSeed: false, PLUMB_ALLOW_PRIVATE_TARGETS: true });
    expect(e.PLUMB_MONTHLY_FREE_CREDITS).toBe(100);
    expect(e.OPENAI_API_KEY).toBeUndefined();
  });

  it("seeds the demo by default only in embedded mode", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://db/plumb" }).demoSeed).toBe(false);
    expect(parseEnv({ DATABASE_URL: "postgres://db/plumb", PLUMB_DEMO_SEED: "1" }).demoSeed).toBe(true);
    expect(parseEnv({ PLUMB_DEMO_SEED: "off" }).demoSeed).toBe(false);
  });

  it("parses the private-target allow-list, DNS servers and the idempotency lease, naming a bad entry", () => {
    const e = parseEnv({ PLUMB_PRIVATE_TARGET_ALLOWLIST: "localhost:8080, https://intranet.corp", PLUMB_DNS_SERVERS: "127.0.0.1:5353,10.0.0.2" });
    expect(e.PLUMB_PRIVATE_TARGET_ALLOWLIST).toEqual([
      { scheme: null, hostname: "localhost", port: 8080 },
      { scheme: "https", hostname: "intranet.corp", port: 443 },
    ]);
    expect(e.PLUMB_DNS_SERVERS).toEqual(["127.0.0.1:5353", "10.0.0.2"]);
    expect(e.PLUMB_IDEMPOTENCY_LEASE_SECONDS).toBe(60);
    expect(parseEnv({}).PLUMB_PRIVATE_TARGET_ALLOWLIST).toEqual([]);
    expect(() => parseEnv({ PLUMB_PRIVATE_TARGET_ALLOWLIST: "localhost" })).toThrow(/PLUMB_PRIVATE_TARGET_ALLOWLIST: "localhost" needs a port/);
    expect(() => parseEnv({ PLUMB_DNS_SERVERS: "dns.example" })).toThrow(/PLUMB_DNS_SERVERS/);
    expect(() => parseEnv({ PLUMB_IDEMPOTENCY_LEASE_SECONDS: "0" })).toThrow(/PLUMB_IDEMPOTENCY_LEASE_SECONDS/);
  });

  it("lists every invalid variable in one clear error", () => {
    let err: unknown;
    try {
      parseEnv({ PORT: "http", DATABASE_URL: "mysql://x/y", PLUMB_DEMO_SEED: "maybe", NODE_ENV: "staging" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvError);
    const msg = (err as Error).message;
    for (const name of ["PORT", "DATABASE_URL", "PLUMB_DEMO_SEED", "NODE_ENV"]) expect(msg).toContain(name);
  });
});

describe("secrets", () => {
  it("embedded: generates them once into a 0600 file and reuses them", () => {
    const dir = tmpDir();
    const first = resolveSecrets(parseEnv({ PLUMB_DATA_DIR: dir }));
    expect(first.encryptionKey).toHaveLength(32);
    expect(first.nextauthSecret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(secretsFilePath(dir)).mode & 0o777).toBe(0o600);
    const again = resolveSecrets(parseEnv({ PLUMB_DATA_DIR: dir }));
    expect(again.nextauthSecret).toBe(first.nextauthSecret);
    expect(again.encryptionKey.equals(first.encryptionKey)).toBe(true);
  });

  it("embedded: explicit values win over the file", () => {
    const s = resolveSecrets(parseEnv({ PLUMB_DATA_DIR: tmpDir(), NEXTAUTH_SECRET: SECRET, PLUMB_ENCRYPTION_KEY: HEX_KEY }));
    expect(s.nextauthSecret).toBe(SECRET);
    expect(s.encryptionKey.toString("hex")).toBe(HEX_KEY);
  });

  it("production: requires both and never writes a file", () => {
    const dir = tmpDir();
    const e = parseEnv({ PLUMB_DATA_DIR: dir, DATABASE_URL: "postgres://db/plumb" });
    expect(() => resolveSecrets(e)).toThrow(/NEXTAUTH_SECRET is required[\s\S]*PLUMB_ENCRYPTION_KEY is required/);
    expect(fs.existsSync(secretsFilePath(dir))).toBe(false);
    const ok = resolveSecrets(parseEnv({ DATABASE_URL: "postgres://db/plumb", NEXTAUTH_SECRET: SECRET, PLUMB_ENCRYPTION_KEY: B64_KEY }));
    expect(ok.encryptionKey.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it("production: rejects a short secret and a key that is not 32 bytes", () => {
    const e = parseEnv({ DATABASE_URL: "postgres://db/plumb", NEXTAUTH_SECRET: "short", PLUMB_ENCRYPTION_KEY: "abcd" });
    expect(() => resolveSecrets(e)).toThrow(/at least 32 characters[\s\S]*must be 32 bytes/);
  });
});

describe("parseEncryptionKey", () => {
  it("accepts 32 bytes as hex, base64 or base64url and nothing else", () => {
    const raw = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7));
    expect(parseEncryptionKey(raw.toString("hex"))?.equals(raw)).toBe(true);
    expect(parseEncryptionKey(raw.toString("base64"))?.equals(raw)).toBe(true);
    expect(parseEncryptionKey(raw.toString("base64url"))?.equals(raw)).toBe(true);
    expect(parseEncryptionKey(Buffer.alloc(16).toString("hex"))).toBeUndefined();
    expect(parseEncryptionKey(Buffer.alloc(31).toString("base64"))).toBeUndefined();
  });
});
