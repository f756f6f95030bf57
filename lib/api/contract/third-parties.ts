import { z } from "zod";
import { SENT_PARAM_KINDS } from "@/lib/scanner/types";
import { THIRD_PARTY_SORTS } from "@/lib/services/third-parties/list-scan-third-parties";
import { defineContract } from "../define-contract";
import { idParam } from "../schemas/common";

const kindSchema = z.enum(SENT_PARAM_KINDS).meta({ id: "SentValueKind" });

const beaconSchema = z
  .object({
    endpoint: z.string().meta({ description: "scheme://host/path, without the query string." }),
    method: z.string(),
    count: z.number().int().meta({ description: "Requests to this endpoint that carried data." }),
    params: z.array(
      z.object({
        in: z.enum(["query", "body"]),
        name: z.string().meta({ description: "Parameter name as sent (capped at 60 characters; JSON bodies as dotted paths)." }),
        kinds: z.array(kindSchema).meta({ description: "What its values looked like. The values themselves are never stored." }),
      }),
    ),
  })
  .meta({ id: "ThirdPartyBeacon" });

export const thirdPartyHostSchema = z
  .object({
    host: z.string(),
    site: z.string().meta({ description: "Registrable domain (eTLD+1) of the host." }),
    tracker: z
      .object({ id: z.string(), name: z.string(), company: z.string(), category: z.string() })
      .nullable()
      .meta({ description: "The entry of Plumb's tracker list the host belongs to; null when it is on none." }),
    requests: z.number().int(),
    bytes: z.number().int().meta({ description: "Bytes received from the host (on the wire)." }),
    bytes_sent: z.number().int().meta({ description: "Request body bytes sent to the host." }),
    pages: z.number().int().meta({ description: "Scanned pages that contacted the host." }),
    resource_types: z.record(z.string(), z.number().int()).meta({ description: "Requests per resource type (script, image, xhr, fetch, …)." }),
    cookies: z.array(z.string()).meta({ description: "Names of the cookies the host set." }),
    first_seen_on: z.string().meta({ description: "The first scanned page that contacted it." }),
    receives: z.array(kindSchema).meta({ description: "Kinds of data its beacons received across the scan." }),
    beacons: z.array(beaconSchema).meta({ description: "Endpoints that received query or body parameters (at most 20 per host)." }),
    probable_tracker: z.boolean().meta({ description: "Not on the tracker list but receives identifiers (finding `tracker-probable`)." }),
  })
  .meta({ id: "ThirdPartyHost" });

export const scanThirdPartiesSchema = z
  .object({
    scan_id: z.string(),
    third_parties: z.array(thirdPartyHostSchema).meta({ description: "At most 300 hosts (the most contacted)." }),
  })
  .meta({ id: "ScanThirdParties" });

export const scanThirdPartiesContract = defineContract({
  id: "scans.thirdParties",
  method: "GET",
  path: "/api/v1/scans/{id}/third-parties",
  summary: "Every third-party host a scan's pages contacted",
  description:
    "The scan's third-party inventory, whether or not a host is on Plumb's tracker list: requests, bytes, resource " +
    "types, cookies it set, the first page that contacted it, and what its beacons received — query and body " +
    "parameter names with the kind of each value (identifier, screen/device data, page URL, e-mail-like, timestamp, " +
    "other). Values are never stored. Hosts that are on no list yet receive identifiers are flagged as probable trackers. " +
    "Empty for scans recorded before the inventory existed.",
  tags: ["scans"],
  auth: "key-or-session",
  scope: "scans:read",
  params: idParam,
  query: z.object({
    sort: z.enum(THIRD_PARTY_SORTS).default("requests").meta({ description: "requests (default), bytes, pages, host or cookies." }),
    order: z.enum(["asc", "desc"]).optional().meta({ description: "Default: desc, asc for host." }),
    probable_only: z.enum(["true", "false"]).optional().meta({ description: "`true`: probable trackers only." }),
  }),
  response: { kind: "json", schema: scanThirdPartiesSchema },
});
