import { encryptSecret } from "@/lib/crypto";
import { getPrisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { domainOrigin } from "../scans/scan-target";
import { getScanSettings, type ScanSettingsView } from "./get-scan-settings";
import { summarizeScanAuth, type ScanAuth } from "./scan-auth";

/**
 * Replaces how the domain's scans sign in: extra headers, cookies and/or a login script, encrypted with
 * AES-256-GCM (PLUMB_ENCRYPTION_KEY). Write-only: reads return names only. Nothing configured = clear it.
 */
export async function setScanAuth(input: { actor: Actor; domainId: string; auth: ScanAuth }): Promise<ScanSettingsView> {
  const { actor, domainId, auth } = input;
  const db = await getPrisma();
  const domain = await db.domain.findFirst({ where: { id: domainId, organizationId: actor.orgId } });
  if (!domain) throw new ServiceError("not_found", "Domain not found.");
  if (auth.login) {
    // The script types a password into the login page: it must be the domain's own site.
    const host = new URL(auth.login.url).host.toLowerCase();
    if (host !== domain.host.toLowerCase() || !auth.login.url.toLowerCase().startsWith(`${domain.scheme}://`)) {
      throw new ServiceError("invalid_params", `login.url must be a page of ${domainOrigin(domain)}.`);
    }
  }
  const empty = auth.headers.length === 0 && auth.cookies.length === 0 && auth.login === null;
  const summary = summarizeScanAuth(auth);
  await db.$transaction(async (tx) => {
    const data = empty ? { authEncrypted: null, authSummary: undefined } : { authEncrypted: encryptSecret(JSON.stringify(auth)), authSummary: summary };
    await tx.domainScanSettings.upsert({
      where: { domainId: domain.id },
      create: { domainId: domain.id, organizationId: actor.orgId, includePatterns: [], excludePatterns: [], ...data },
      update: data,
    });
    await recordAuditEvent(tx, actor, {
      action: empty ? "domain.scan_auth.clear" : "domain.scan_auth.update",
      targetType: "domain",
      targetId: domain.id,
      metadata: { header_names: summary.header_names, cookie_names: summary.cookie_names, login: summary.login !== null },
    });
  });
  return getScanSettings({ orgId: actor.orgId, domainId });
}
