import type { z } from "zod";
import type { ScanThirdPartyRow } from "@/lib/services/third-parties/list-scan-third-parties";
import type { scanThirdPartiesSchema, thirdPartyHostSchema } from "../contract/third-parties";

export function serializeThirdPartyHost(r: ScanThirdPartyRow): z.input<typeof thirdPartyHostSchema> {
  return {
    host: r.host,
    site: r.site,
    tracker: r.tracker,
    requests: r.requests,
    bytes: r.bytes,
    bytes_sent: r.bytesSent,
    pages: r.pages,
    resource_types: r.resourceTypes,
    cookies: r.cookies,
    first_seen_on: r.firstSeenOn,
    receives: r.receives,
    beacons: r.beacons,
    probable_tracker: r.probableTracker,
  };
}

export function serializeScanThirdParties(x: { scanId: string; hosts: ScanThirdPartyRow[] }): z.input<typeof scanThirdPartiesSchema> {
  return { scan_id: x.scanId, third_parties: x.hosts.map(serializeThirdPartyHost) };
}
