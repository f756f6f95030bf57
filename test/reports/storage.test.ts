// The three storage backends behind one interface, each for real: files in a temp dir, the StoredFile table
// of a fresh test database, and an S3-compatible server (s3rver) on a random loopback port through the AWS SDK.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/db";
import type { Database } from "@/lib/db";
import { dbStorage } from "@/lib/storage/db";
import { fsStorage } from "@/lib/storage/fs";
import { s3Storage } from "@/lib/storage/s3";
import { parseStorageRef, formatStorageRef } from "@/lib/storage";
import type { FileStorage } from "@/lib/storage/types";

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverCtor = new (opts: Record<string, unknown>) => S3rverInstance;
// s3rver is CommonJS without types.
const S3rver = createRequire(import.meta.url)("s3rver") as S3rverCtor;

async function roundTrip(storage: FileStorage) {
  const bytes = Buffer.from([0, 1, 2, 255, ...Buffer.from("%PDF-1.7 report")]);
  await storage.put("exports/org1/abc.pdf", bytes, "application/pdf");
  const got = await storage.get("exports/org1/abc.pdf");
  expect(got?.contentType).toBe("application/pdf");
  expect(Buffer.compare(got!.bytes, bytes)).toBe(0);
  // Overwrite keeps one file with the new bytes.
  await storage.put("exports/org1/abc.pdf", Buffer.from("v2"), "text/plain");
  expect((await storage.get("exports/org1/abc.pdf"))?.bytes.toString()).toBe("v2");
  expect(await storage.get("exports/org1/missing.pdf")).toBeNull();
  await storage.delete("exports/org1/abc.pdf");
  expect(await storage.get("exports/org1/abc.pdf")).toBeNull();
  await storage.delete("exports/org1/abc.pdf"); // deleting twice is fine
  // Keys are Plumb's own: traversal and odd characters are refused before any I/O.
  for (const bad of ["../etc/passwd", "exports/../../x", "/abs", "Exports/UPPER", "a b"]) {
    await expect(storage.put(bad, Buffer.from("x"), "text/plain")).rejects.toThrow(/Invalid storage key/);
  }
}

describe("storage backends", () => {
  let dir: string;
  let db: Database;
  let s3: S3rverInstance;
  let s3dir: string;
  let endpoint: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-storage-"));
    s3dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-s3rver-"));
    db = await createTestDatabase();
    s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: s3dir, configureBuckets: [{ name: "plumb-test" }] });
    const addr = await s3.run();
    endpoint = `http://127.0.0.1:${addr.port}`;
  }, 600_000);

  afterAll(async () => {
    await s3?.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(s3dir, { recursive: true, force: true });
  });

  it("files in a directory (embedded), private to the account", async () => {
    const storage = fsStorage(dir);
    await roundTrip(storage);
    await storage.put("exports/org2/x.csv", Buffer.from("a,b"), "text/csv");
    expect(fs.statSync(path.join(dir, "exports", "org2", "x.csv")).mode & 0o077).toBe(0);
  });

  it("the database (StoredFile)", async () => {
    const storage = dbStorage(db.prisma);
    await roundTrip(storage);
    await storage.put("exports/org3/y.json", Buffer.from("{}"), "application/json");
    expect(await db.prisma.storedFile.count({ where: { key: "exports/org3/y.json" } })).toBe(1);
  });

  it("an S3-compatible bucket (s3rver) through the AWS SDK", async () => {
    const storage = s3Storage({ bucket: "plumb-test", region: "us-east-1", endpoint, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", prefix: "plumb/" });
    await roundTrip(storage);
    await storage.put("exports/org4/z.sarif", Buffer.from("{}"), "application/sarif+json");
    // The object really is in the bucket under the prefix.
    const files = fs.readdirSync(s3dir, { recursive: true }).map(String);
    expect(files.some((f) => f.includes(path.join("plumb-test", "plumb", "exports", "org4")))).toBe(true);
  });

  it("a stored file's reference names its backend", () => {
    expect(parseStorageRef(formatStorageRef("s3", "exports/o/e.pdf"))).toEqual({ kind: "s3", key: "exports/o/e.pdf" });
    expect(parseStorageRef("ftp:exports/x")).toBeNull();
  });
});
