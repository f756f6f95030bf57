// What the domain page shows next to its security findings when Cloudflare is connected: the zone's security
// settings, and for each open security finding a rule Cloudflare can fix, where to click and whether Plumb
// can apply it in one click.
import { getPrisma } from "@/lib/db";
import { ProviderError } from "@/lib/integrations/provider";
import { cloudflareInstructionFor, type CloudflareInstruction } from "@/lib/integrations/providers/cloudflare/fix-instructions";
import { readZoneSecurity, type ZoneSecurity } from "@/lib/integrations/providers/cloudflare/zone-security";
import { ServiceError } from "../../errors";
import { integrationContext } from "../integration-context";
import { plainError } from "../record-integration-error";

export interface CloudflareFindingFix {
  findingId: string;
  title: string;
  rule: string;
  steps: string;
  oneClick: CloudflareInstruction["oneClick"] | null;
  alreadySet: boolean;
}

export type DomainCloudflare =
  | { state: "not_connected" }
  | { state: "error"; message: string }
  | { state: "no_zone"; host: string }
  | { state: "ok"; zone: ZoneSecurity; fixes: CloudflareFindingFix[] };

export async function readDomainCloudflare(input: { orgId: string; domainId: string }): Promise<DomainCloudflare> {
  const db = await getPrisma();
  const domain = await db.domain.findFirst({ where: { id: input.domainId, organizationId: input.orgId }, select: { id: true, host: true } });
  if (!domain) throw new ServiceError("not_found", "Domain not found.");
  const row = await db.integration.findUnique({ where: { organizationId_provider: { organizationId: input.orgId, provider: "cloudflare" } } });
  if (!row || !row.encryptedCredentials || row.status === "disconnected") return { state: "not_connected" };
  let zone: ZoneSecurity | null;
  try {
    const { ctx } = integrationContext(row);
    zone = await readZoneSecurity(ctx, domain.host.replace(/:\d+$/, ""));
  } catch (err) {
    if (err instanceof ProviderError) return { state: "error", message: plainError(err) };
    throw err;
  }
  if (!zone) return { state: "no_zone", host: domain.host };
  const findings = await db.finding.findMany({
    where: { organizationId: input.orgId, domainId: domain.id, pillar: "security", status: { in: ["open", "in_progress"] } },
    select: { id: true, title: true, rule: true },
    orderBy: { id: "asc" },
    take: 500,
  });
  const fixes: CloudflareFindingFix[] = [];
  for (const f of findings) {
    const ins = cloudflareInstructionFor(f.rule);
    if (!ins) continue;
    fixes.push({ findingId: f.id, title: f.title, rule: f.rule, steps: ins.steps, oneClick: ins.oneClick ?? null, alreadySet: ins.alreadySet(zone) });
  }
  return { state: "ok", zone, fixes };
}
