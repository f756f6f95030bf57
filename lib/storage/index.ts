// The storage backend this process uses, chosen once from the settings: S3 when S3_BUCKET is set, else the
// database when DATABASE_URL is set (several instances share it), else files in PLUMB_DATA_DIR/exports.
// A stored file records its backend's kind, so `storageFor(kind)` reads it back even after the choice changes
// (as long as that backend is still configured).
import path from "node:path";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { dbStorage } from "./db";
import { fsStorage } from "./fs";
import { s3Storage } from "./s3";
import type { FileStorage, StorageKind } from "./types";

export type { FileStorage, StorageKind, StoredObject } from "./types";

export function defaultStorageKind(): StorageKind {
  const e = env();
  if (e.S3_BUCKET) return "s3";
  return e.DATABASE_URL ? "db" : "fs";
}

export async function storageFor(kind: StorageKind): Promise<FileStorage> {
  const e = env();
  if (kind === "fs") return fsStorage(path.join(e.dataDir, "exports"));
  if (kind === "db") return dbStorage(await getPrisma());
  if (!e.S3_BUCKET) throw new Error("A file is stored in S3 but S3_BUCKET is not set.");
  return s3Storage({
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
    prefix: e.S3_PREFIX,
  });
}

export async function defaultStorage(): Promise<FileStorage> {
  return storageFor(defaultStorageKind());
}

/** "<kind>:<key>", the form kept in ReportExport.storageKey. */
export function formatStorageRef(kind: StorageKind, key: string): string {
  return `${kind}:${key}`;
}

export function parseStorageRef(ref: string): { kind: StorageKind; key: string } | null {
  const m = /^(fs|db|s3):(.+)$/.exec(ref);
  return m ? { kind: m[1] as StorageKind, key: m[2] } : null;
}
