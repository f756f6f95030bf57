// Where exported files (and later logos) live. Three interchangeable backends behind one interface: files in
// PLUMB_DATA_DIR/exports (embedded), the database (DATABASE_URL: any instance can serve any file), or an
// S3-compatible bucket (S3_BUCKET and friends). Keys are ours, never user input: [a-z0-9] segments.
export type StorageKind = "fs" | "db" | "s3";

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

export interface FileStorage {
  readonly kind: StorageKind;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** null when there is no such file (deleted, purged, or never written) */
  get(key: string): Promise<StoredObject | null>;
  /** deleting a missing file is not an error */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9._-]{0,127}(\/[a-z0-9][a-z0-9._-]{0,127}){0,4}$/;

/** Keys are built by Plumb (`exports/<org>/<export>.<ext>`); anything else is refused before any I/O. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.includes("..")) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}
