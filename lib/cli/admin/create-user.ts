import type { Database } from "@/lib/db";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";
import { passwordProblem } from "@/lib/services/users/password-policy";
import type { Output } from "../output";
import { parseFlags, requireFlag } from "../parse-flags";
import { readPasswordFromStdin } from "./read-stdin";
import { UsageError } from "../usage-error";

export const usage = `plumb admin create-user --email EMAIL (--password PASSWORD | --password-stdin) --org NAME [--name NAME] [--json]
  Creates a user, a new organization named NAME (its slug is derived from the name) and makes the user its owner.
  The password must have at least 10 characters and not be a common one; the address counts as confirmed.`;

export function parse(argv: string[]) {
  const f = parseFlags(
    argv,
    { email: { type: "string" }, password: { type: "string" }, "password-stdin": { type: "boolean" }, org: { type: "string" }, name: { type: "string" }, json: { type: "boolean" } },
    usage,
  );
  if (f.password !== undefined && f["password-stdin"]) throw new UsageError("Use either --password or --password-stdin.", usage);
  if (f.password === undefined && !f["password-stdin"]) throw new UsageError("--password (or --password-stdin) is required.", usage);
  return {
    email: requireFlag(f.email, "email", usage),
    password: f.password,
    passwordStdin: Boolean(f["password-stdin"]),
    orgName: requireFlag(f.org, "org", usage),
    name: f.name,
  };
}

export async function run(args: ReturnType<typeof parse>, db: Database, out: Output): Promise<void> {
  const password = args.password ?? (await readPasswordFromStdin());
  // The same policy as sign-up and password reset; a refused password is a bad argument (exit 2).
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(problem, usage);
  const { user, organization, membership } = await createUserWithOrg(
    { email: args.email, password, orgName: args.orgName, name: args.name },
    db.prisma,
  );
  out.result(
    {
      user: { id: user.id, email: user.email, name: user.name },
      organization: { id: organization.id, name: organization.name, slug: organization.slug },
      role: membership.role,
    },
    [`Created user ${user.email} (${user.id})`, `Organization "${organization.name}" — slug ${organization.slug} — role ${membership.role}`],
  );
}
