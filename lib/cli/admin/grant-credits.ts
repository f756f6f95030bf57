import type { Database } from "@/lib/db";
import { grantCredits } from "@/lib/services/credits/grant-credits";
import { getOrganizationBySlugOrThrow } from "@/lib/services/organizations/get-org-by-slug";
import type { Output } from "../output";
import { parseFlags, requireFlag } from "../parse-flags";
import { UsageError } from "../usage-error";

export const usage = `plumb admin grant-credits --org SLUG --amount N [--note TEXT] [--json]
  Appends a credit grant of N (a positive whole number) to the organization's ledger and prints the new balance.`;

export function parse(argv: string[]) {
  const f = parseFlags(argv, { org: { type: "string" }, amount: { type: "string" }, note: { type: "string" }, json: { type: "boolean" } }, usage);
  const amountText = requireFlag(f.amount, "amount", usage);
  if (!/^\d+$/.test(amountText.trim()) || Number(amountText) <= 0 || !Number.isSafeInteger(Number(amountText))) {
    throw new UsageError(`--amount must be a positive whole number, got "${amountText}".`, usage);
  }
  return { org: requireFlag(f.org, "org", usage), amount: Number(amountText), note: f.note };
}

export async function run(args: ReturnType<typeof parse>, db: Database, out: Output): Promise<void> {
  const org = await getOrganizationBySlugOrThrow(args.org, db.prisma);
  const { entry, balance } = await grantCredits({ orgId: org.id, amount: args.amount, note: args.note }, db.prisma);
  out.result(
    { organization: org.slug, granted: entry.amount, note: entry.note, entry_id: entry.id, balance },
    [`Granted ${entry.amount} credits to ${org.slug}. Balance: ${balance}.`],
  );
}
