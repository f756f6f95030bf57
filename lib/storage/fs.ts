import fs from "node:fs/promises";
import path from "node:path";
import { assertStorageKey, type FileStorage } from "./types";

/** Files under `dir` (PLUMB_DATA_DIR/exports), private to this account like the rest of the data dir. */
export function fsStorage(dir: string): FileStorage {
  const file = (key: string) => {
    assertStorageKey(key);
    return path.join(dir, ...key.split("/"));
  };
  return {
    kind: "fs",
    async put(key, bytes, contentType) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      // Written aside then renamed: a reader never sees half a file.
      const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, bytes, { mode: 0o600 });
      await fs.writeFile(`${tmp}.type`, contentType, { mode: 0o600 });
      await fs.rename(`${tmp}.type`, `${target}.type`);
      await fs.rename(tmp, target);
    },
    async get(key) {
      const target = file(key);
      try {
        const [bytes, contentType] = await Promise.all([fs.readFile(target), fs.readFile(`${target}.type`, "utf8").catch(() => "application/octet-stream")]);
        return { bytes, contentType };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async delete(key) {
      const target = file(key);
      await fs.rm(target, { force: true });
      await fs.rm(`${target}.type`, { force: true });
    },
  };
}
