// The embedded data directory (database, secrets, lock) is private to the account running Plumb: created 0700
// with nothing group- or world-readable inside, and a directory left loose by an older version is tightened
// when the database is opened.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { loadOrCreateSecretsFile } from "@/lib/env/secrets-file";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tmpParent(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-perms-"));
  dirs.push(d);
  return d;
}

/** Every entry under `dir` (itself included) that group or others may read, write or enter. */
function exposed(dir: string): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) out.push(`${path.relative(dir, p) || "."} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) visit(path.join(p, n));
  };
  visit(dir);
  return out;
}

function count(dir: string): number {
  let n = 0;
  const visit = (p: string) => {
    n++;
    if (fs.lstatSync(p).isDirectory()) for (const c of fs.readdirSync(p)) visit(path.join(c === "" ? p : p, c));
  };
  visit(dir);
  return n;
}

describe("embedded data directory permissions", () => {
  it("a new data directory is 0700 and no file in it is readable by others", { timeout: 400_000 }, async () => {
    const dir = path.join(tmpParent(), "data");
    loadOrCreateSecretsFile(dir);
    const db = await openDatabase({ dir, url: "" });
    try {
      await db.prisma.organization.create({ data: { name: "Perms", slug: `perms-${Date.now()}` } });
    } finally {
      await db.close();
    }
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(count(dir)).toBeGreaterThan(100); // the whole PGlite cluster, not an empty directory
    expect(exposed(dir)).toEqual([]);
  });

  it("an existing directory with world-readable files is fixed when the database opens", { timeout: 400_000 }, async () => {
    const dir = path.join(tmpParent(), "data");
    const first = await openDatabase({ dir, url: "" });
    await first.close();
    // What older versions left: 0755 directories and 0644 files.
    const loosen = (p: string) => {
      const st = fs.lstatSync(p);
      fs.chmodSync(p, st.isDirectory() ? 0o755 : 0o644);
      if (st.isDirectory()) for (const n of fs.readdirSync(p)) loosen(path.join(p, n));
    };
    loosen(dir);
    expect(exposed(dir).length).toBeGreaterThan(100);

    const again = await openDatabase({ dir, url: "" });
    try {
      expect(exposed(dir)).toEqual([]);
      expect(await again.prisma.organization.count()).toBe(0);
    } finally {
      await again.close();
    }
    expect(exposed(dir)).toEqual([]);
  });
});
