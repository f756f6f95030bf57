import type { Database } from "@/lib/db";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { getOrganizationBySlugOrThrow } from "@/lib/services/organizations/get-org-by-slug";
import type { Output } from "../output";
import { parseFlags, requireFlag } from "../parse-flags";

export const usage = `plumb admin create-api-key --org SLUG --name NAME --scopes SCOPE[,SCOPE…]|all [--json]
  Creates an API key for the organization and prints it ONCE (only its SHA-256 hash is stored).
  Scopes look like domains:read, scans:write; "all" grants every scope.`;

export function parse(argv: string[]) {
  const f = parseFlags(argv, { org: { type: "string" }, name: { type: "string" }, scopes: { type: "string" }, json: { type: "boolean" } }, usage);
  return { org: requireFlag(f.org, "org", usage), name: requireFlag(f.name, "name", usage), scopes: requireFlag(f.scopes, "scopes", usage) };
}

export async function run(args: ReturnType<typeof parse>, db: Database, out: Output): Promise<void> {
  const org = await getOrganizationBySlugOrThrow(args.org, db.prisma);
  const { apiKey, rawKey } = await createApiKey({ orgId: org.id, name: args.name, scopes: args.scopes }, db.prisma);
  out.result(
    { id: apiKey.id, organization: org.slug, name: apiKey.name, prefix: apiKey.prefix, scopes: apiKey.scopes, key: rawKey },
    [
      `Created API key "${apiKey.name}" for ${org.slug} (scopes: ${apiKey.scopes.join(", ")})`,
      "",
      `  ${rawKey}`,
      "",
      "Copy it now: it is not stored and cannot be shown again.",
    ],
  );
}
