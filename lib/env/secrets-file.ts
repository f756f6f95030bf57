import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";

const FILE = "secrets.json";
const stored = z.object({ NEXTAUTH_SECRET: z.string().min(32), PLUMB_ENCRYPTION_KEY: z.string().min(43) });
export type StoredSecrets = z.infer<typeof stored>;

export function secretsFilePath(dataDir: string): string {
  return path.join(dataDir, FILE);
}

/**
 * Reads the embedded-mode secrets, creating them on first use. The file is written under a temporary name
 * and hard-linked into place, so a CLI and a server starting together never see a half-written file and
 * never end up with two different keys (the loser of the link race reads the winner's file).
 */
export function loadOrCreateSecretsFile(dataDir: string): StoredSecrets {
  const file = secretsFilePath(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const fresh: StoredSecrets = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      PLUMB_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    };
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(fresh, null, 2) + "\n", { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const parsed = stored.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(`${file} is corrupt (${parsed.error.issues[0]?.message}). Restore it from a backup; deleting it invalidates sessions and stored integration credentials.`);
  }
  return parsed.data;
}
