import { createScanContract, listScansContract } from "@/lib/api/contract/scans";
import { serializeScan } from "@/lib/api/serializers/scan";
import { defineRoute } from "@/lib/http/define-route";
import { createScan } from "@/lib/services/scans/create-scan";
import { listScans } from "@/lib/services/scans/list-scans";

export const POST = defineRoute(createScanContract, async ({ actor, body }) => {
  const { scan, creditsRemaining } = await createScan(actor, {
    domainId: body.domain_id,
    pillars: body.pillars,
    maxPages: body.max_pages,
    devices: body.devices,
    consent: body.consent,
  });
  return { scan: serializeScan(scan), credits_remaining: creditsRemaining };
});

export const GET = defineRoute(listScansContract, async ({ actor, query }) => {
  const page = await listScans({
    orgId: actor.orgId,
    limit: query.limit,
    cursor: query.cursor,
    domainId: query.domain_id,
    status: query.status,
  });
  return { items: page.items.map((s) => serializeScan(s)), nextCursor: page.nextCursor };
});
