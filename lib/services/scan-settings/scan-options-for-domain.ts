import { decryptSecret } from "@/lib/crypto";
import type { Prisma } from "@/lib/db";
import { toLoginScript } from "@/lib/scanner/auth/login-script";
import type { ScanOptions } from "@/lib/scanner/types";
import { scanAuthSchema } from "./scan-auth";

type ScanSettingsOptions = Pick<ScanOptions, "respectRobots" | "include" | "exclude" | "maxDepth" | "headers" | "cookies" | "login">;

/**
 * The scanner options a domain's settings add to its scans (crawl and gather stages): crawl rules and the
 * decrypted sign-in. Only ever handed to the scanner, never serialised.
 */
export async function scanOptionsForDomain(db: Prisma, input: { orgId: string; domainId: string }): Promise<ScanSettingsOptions> {
  const row = await db.domainScanSettings.findFirst({ where: { domainId: input.domainId, organizationId: input.orgId } });
  if (!row) return {};
  const out: ScanSettingsOptions = {
    respectRobots: row.respectRobots,
    ...(row.includePatterns.length ? { include: row.includePatterns } : {}),
    ...(row.excludePatterns.length ? { exclude: row.excludePatterns } : {}),
    ...(row.maxDepth !== null ? { maxDepth: row.maxDepth } : {}),
  };
  if (row.authEncrypted) {
    const auth = scanAuthSchema.parse(JSON.parse(decryptSecret(row.authEncrypted)));
    if (auth.headers.length) out.headers = Object.fromEntries(auth.headers.map((h) => [h.name, h.value]));
    if (auth.cookies.length) out.cookies = auth.cookies;
    if (auth.login) out.login = toLoginScript(auth.login);
  }
  return out;
}
