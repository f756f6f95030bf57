import type { Prisma } from "@/lib/db";
import { assertStorageKey, type FileStorage } from "./types";

/** Bytes in the StoredFile table: with PostgreSQL every instance can serve every file. */
export function dbStorage(db: Pick<Prisma, "storedFile">): FileStorage {
  return {
    kind: "db",
    async put(key, bytes, contentType) {
      assertStorageKey(key);
      const data = { content: new Uint8Array(bytes), contentType, sizeBytes: bytes.length };
      await db.storedFile.upsert({ where: { key }, create: { key, ...data }, update: data });
    },
    async get(key) {
      assertStorageKey(key);
      const row = await db.storedFile.findUnique({ where: { key } });
      return row ? { bytes: Buffer.from(row.content), contentType: row.contentType } : null;
    },
    async delete(key) {
      assertStorageKey(key);
      await db.storedFile.deleteMany({ where: { key } });
    },
  };
}
