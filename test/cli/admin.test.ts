import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash";
import { verifyPassword } from "@/lib/auth/password";
import { testEngine } from "@/test/support/db";
import { createCliEnv, type CliEnv } from "./cli-env";

// Reads what the CLI wrote, after it exited (on PGlite only one process may have the database open).
async function inspect<T>(cli: CliEnv, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ url: cli.env.DATABASE_URL, dir: cli.env.DATABASE_URL ? undefined : cli.dataDir, migrate: false });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

// Each test spawns the CLI several times (a cold tsx start each): minutes on a 2-core machine running other suites.
describe(`plumb admin (${testEngine()})`, { timeout: 300_000 }, () => {
  let cli: CliEnv;
  let slug: string;
  beforeAll(async () => {
    cli = await createCliEnv();
    const res = await cli.run(["admin", "create-user", "--email", "Owner@Example.com", "--password", "s3cret-pass", "--org", "Acme Widgets", "--json"]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    slug = JSON.parse(res.stdout).organization.slug;
  });
  afterAll(async () => cli?.cleanup());

  it("create-user makes the user, the organization and an owner membership", async () => {
    expect(slug).toBe("acme-widgets");
    const user = await inspect(cli, (db) =>
      db.prisma.user.findUniqueOrThrow({ where: { email: "owner@example.com" }, include: { memberships: { include: { organization: true } } } }),
    );
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0]).toMatchObject({ role: "owner", organization: { slug: "acme-widgets", name: "Acme Widgets" } });
    expect(await verifyPassword(user.passwordHash!, "s3cret-pass")).toBe(true);
  });

  it("create-user reads the password from stdin and refuses a duplicate email", async () => {
    const ok = await cli.run(["admin", "create-user", "--email", "second@example.com", "--password-stdin", "--org", "Acme Widgets"], "from-stdin-123\n");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("acme-widgets-2");
    const dup = await cli.run(["admin", "create-user", "--email", "OWNER@example.com", "--password", "another-pass", "--org", "X", "--json"]);
    expect(dup.code).toBe(1);
    expect(JSON.parse(dup.stdout).error.code).toBe("conflict");
    expect(dup.stderr).toMatch(/already exists/);
  });

  it("create-user applies the password policy: short and common passwords are refused", async () => {
    for (const password of ["short-pw", "1234567890", "Password123"]) {
      const res = await cli.run(["admin", "create-user", "--email", "weak@example.com", "--password", password, "--org", "Weak", "--json"]);
      expect(res.code, password).toBe(2);
      expect(JSON.parse(res.stdout).error.message).toMatch(/at least 10 characters|too common/);
    }
    const stdin = await cli.run(["admin", "create-user", "--email", "weak@example.com", "--password-stdin", "--org", "Weak"], "qwertyuiop\n");
    expect(stdin.code).toBe(2);
    expect(await inspect(cli, (db) => db.prisma.user.count({ where: { email: "weak@example.com" } }))).toBe(0);
  });

  it("create-api-key prints the raw key once and stores only its hash", async () => {
    const res = await cli.run(["admin", "create-api-key", "--org", slug, "--name", "CI", "--scopes", "scans:write,domains:read", "--json"]);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.key).toMatch(/^plumb_[0-9a-f]{48}$/);
    expect(out).toMatchObject({ organization: slug, name: "CI", prefix: out.key.slice(0, 12), scopes: ["domains:read", "scans:write"] });
    const stored = await inspect(cli, (db) => db.prisma.apiKey.findUniqueOrThrow({ where: { id: out.id } }));
    expect(stored.hash).toBe(sha256Hex(out.key));
    expect(JSON.stringify(stored)).not.toContain(out.key);

    const human = await cli.run(["admin", "create-api-key", "--org", slug, "--name", "All", "--scopes", "all"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/plumb_[0-9a-f]{48}/);
    expect(human.stdout).toMatch(/cannot be shown again/);
  });

  it("grant-credits appends to the ledger and prints the balance", async () => {
    const first = await cli.run(["admin", "grant-credits", "--org", slug, "--amount", "40", "--note", "pilot", "--json"]);
    expect(first.code).toBe(0);
    const before = JSON.parse(first.stdout).balance as number;
    const second = await cli.run(["admin", "grant-credits", "--org", slug, "--amount", "2"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`Balance: ${before + 2}.`);
    const rows = await inspect(cli, (db) =>
      db.prisma.creditLedger.findMany({ where: { organization: { slug }, reason: "grant" }, orderBy: { createdAt: "asc" } }),
    );
    expect(rows.map((r) => [r.amount, r.note])).toEqual([
      [40, "pilot"],
      [2, null],
    ]);
  });

  it("answers bad usage with exit 2 and a message, without opening the database", async () => {
    const cases: [string[], RegExp][] = [
      [["admin", "grant-credits", "--org", slug, "--amount=-5"], /--amount must be a positive whole number/],
      [["admin", "grant-credits", "--org", slug, "--amount", "1.5"], /--amount must be a positive whole number/],
      [["admin", "grant-credits", "--org", slug], /--amount is required/],
      [["admin", "create-user", "--email", "x@example.com", "--org", "X"], /--password .* is required/],
      [["admin", "create-api-key", "--org", slug, "--name", "n", "--scopes", "all", "--bogus"], /Unknown option '--bogus'/],
      [["admin", "frobnicate"], /Unknown admin command "frobnicate"/],
      [["frobnicate"], /Unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const res = await cli.run(args);
      expect(res.code, args.join(" ")).toBe(2);
      expect(res.stderr).toMatch(message);
    }
  });

  it("reports business errors with exit 1 (unknown organization, invalid scope)", async () => {
    const unknown = await cli.run(["admin", "grant-credits", "--org", "no-such-org", "--amount", "1", "--json"]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error).toEqual({ code: "not_found", message: 'No organization with slug "no-such-org".' });
    const scope = await cli.run(["admin", "create-api-key", "--org", slug, "--name", "bad", "--scopes", "everything"]);
    expect(scope.code).toBe(1);
    expect(scope.stderr).toMatch(/Invalid scope "everything"/);
  });
});
