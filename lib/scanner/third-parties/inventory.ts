// Every third-party host a scan's pages contacted, listed or not on the tracker list: requests, bytes, resource
// types, the cookies it set, the page it was first seen on, and what its beacons carried (parameter names and
// kinds of values — the gatherer never kept the values). Pure: the scan result, the probable-tracker check and
// the database all read the same rows.
import { trackerForHost } from "../data/trackers";
import { hostOf, siteOf } from "../gather/party";
import type { NetworkRequest, PageArtifacts, ResourceType, SentParamKind, ThirdPartyBeacon, ThirdPartyHost } from "../types";
import { SENT_PARAM_KINDS } from "../types";

export const INVENTORY_CAPS = { hosts: 300, beaconsPerHost: 20, paramsPerBeacon: 40, cookiesPerHost: 50 } as const;

// Types whose query string is configuration (a script's ?id=GTM-…, a font's ?display=swap), not a report.
const ASSET_TYPES = new Set<ResourceType>(["document", "script", "stylesheet", "font", "media"]);

/** A request that reports something to its host, rather than fetching an asset. */
export function isBeacon(r: NetworkRequest): boolean {
  if (!r.sentParams?.length) return false;
  if (r.method !== "GET" && r.method !== "HEAD") return true;
  if (ASSET_TYPES.has(r.resourceType)) return false;
  // A GET image is a tracking pixel when it brings back (next to) nothing; a real picture is an asset.
  if (r.resourceType === "image") return r.status === 204 || r.bodyBytes <= 200;
  return true;
}

function endpointOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`.slice(0, 300);
  } catch {
    return url.slice(0, 300);
  }
}

interface HostAcc {
  row: ThirdPartyHost;
  pages: Set<string>;
  /** pages on which the host received an identifier */
  identifierPages: string[];
  beacons: Map<string, { beacon: ThirdPartyBeacon; params: Map<string, Set<SentParamKind>> }>;
  cookies: Set<string>;
}

export interface ThirdPartyHostDetail {
  row: ThirdPartyHost;
  identifierPages: string[];
}

function kindsInOrder(kinds: Iterable<SentParamKind>): SentParamKind[] {
  const set = new Set(kinds);
  return SENT_PARAM_KINDS.filter((k) => set.has(k));
}

/** The inventory with the pages behind each row (for checks); `buildThirdPartyInventory` is the stored shape. */
export function thirdPartyHostDetails(pages: PageArtifacts[]): ThirdPartyHostDetail[] {
  const hosts = new Map<string, HostAcc>();
  const accFor = (host: string, page: PageArtifacts): HostAcc => {
    let acc = hosts.get(host);
    if (!acc) {
      const t = trackerForHost(host);
      acc = {
        row: {
          host,
          site: siteOf(host),
          tracker: t ? { id: t.id, name: t.name, company: t.company, category: t.category } : null,
          requests: 0,
          bytes: 0,
          bytes_sent: 0,
          resource_types: {},
          cookies: [],
          first_seen_on: page.url,
          pages: 0,
          beacons: [],
          receives: [],
          probable_tracker: false,
        },
        pages: new Set(),
        identifierPages: [],
        beacons: new Map(),
        cookies: new Set(),
      };
      hosts.set(host, acc);
    }
    if (!acc.pages.has(page.url)) {
      acc.pages.add(page.url);
      acc.row.pages = acc.pages.size;
    }
    return acc;
  };

  for (const page of pages) {
    if (page.status === null) continue;
    for (const r of page.requests) {
      if (!r.thirdParty) continue;
      const host = hostOf(r.url);
      if (!host) continue;
      const acc = accFor(host, page);
      acc.row.requests += 1;
      acc.row.bytes += r.transferBytes;
      acc.row.bytes_sent += r.postDataBytes ?? 0;
      acc.row.resource_types[r.resourceType] = (acc.row.resource_types[r.resourceType] ?? 0) + 1;
      if (!isBeacon(r)) continue;
      const endpoint = endpointOf(r.url);
      const key = `${r.method} ${endpoint}`;
      let b = acc.beacons.get(key);
      if (!b) {
        if (acc.beacons.size >= INVENTORY_CAPS.beaconsPerHost) continue;
        b = { beacon: { endpoint, method: r.method, count: 0, params: [] }, params: new Map() };
        acc.beacons.set(key, b);
      }
      b.beacon.count += 1;
      for (const p of r.sentParams ?? []) {
        const pk = `${p.in}\u0000${p.name}`;
        let kinds = b.params.get(pk);
        if (!kinds) {
          if (b.params.size >= INVENTORY_CAPS.paramsPerBeacon) continue;
          kinds = new Set();
          b.params.set(pk, kinds);
        }
        kinds.add(p.kind);
        if (p.kind === "identifier" && acc.identifierPages.at(-1) !== page.url && !acc.identifierPages.includes(page.url)) {
          acc.identifierPages.push(page.url);
        }
      }
    }
    // Cookies: those a third-party response or script set, and third-party cookies of a contacted site.
    for (const c of page.cookies) {
      const setter = c.setBy && /^(https?|wss?):/i.test(c.setBy) ? hostOf(c.setBy) : "";
      let acc = setter ? hosts.get(setter) : undefined;
      if (!acc && c.thirdParty) {
        const site = siteOf(c.domain);
        acc = [...hosts.values()].find((h) => h.row.site === site);
      }
      if (acc && acc.cookies.size < INVENTORY_CAPS.cookiesPerHost) acc.cookies.add(c.name.slice(0, 100));
    }
  }

  const out: ThirdPartyHostDetail[] = [];
  for (const acc of hosts.values()) {
    const receives = new Set<SentParamKind>();
    acc.row.beacons = [...acc.beacons.values()].map(({ beacon, params }) => ({
      ...beacon,
      params: [...params].map(([k, kinds]) => {
        for (const kind of kinds) receives.add(kind);
        const [where, name] = k.split("\u0000") as ["query" | "body", string];
        return { in: where, name, kinds: kindsInOrder(kinds) };
      }),
    }));
    acc.row.receives = kindsInOrder(receives);
    acc.row.cookies = [...acc.cookies].sort();
    acc.row.probable_tracker = acc.row.tracker === null && receives.has("identifier");
    out.push({ row: acc.row, identifierPages: acc.identifierPages });
  }
  // Most-contacted first; the cap keeps the stored inventory bounded on sites with hundreds of ad hosts.
  out.sort((a, b) => b.row.requests - a.row.requests || a.row.host.localeCompare(b.row.host));
  return out.slice(0, INVENTORY_CAPS.hosts);
}

export function buildThirdPartyInventory(pages: PageArtifacts[]): ThirdPartyHost[] {
  return thirdPartyHostDetails(pages).map((d) => d.row);
}
