import { defineRoute } from "@/lib/http/define-route";
import { clearScanAuthContract, setScanAuthContract } from "@/lib/api/contract/scan-settings";
import { serializeScanSettings } from "@/lib/api/serializers/scan-settings";
import { setScanAuth } from "@/lib/services/scan-settings/set-scan-auth";

export const PUT = defineRoute(setScanAuthContract, async ({ actor, params, body }) =>
  serializeScanSettings(await setScanAuth({ actor, domainId: params.id, auth: body })),
);

export const DELETE = defineRoute(clearScanAuthContract, async ({ actor, params }) =>
  serializeScanSettings(await setScanAuth({ actor, domainId: params.id, auth: { headers: [], cookies: [], login: null } })),
);
