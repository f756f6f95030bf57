// Third-party requests matched against Plumb's tracker database. Shared by the tracker and privacy checks.
import { trackerForUrl, type Tracker } from "../../data/trackers";
import type { PageArtifacts } from "../../types";
import { analyzablePages } from "../shared/result";
import { hostOf, isExecutableScript, isThirdPartyUrl, urlWithoutQuery } from "../shared/web";

export interface TrackerHit {
  tracker: Tracker;
  hosts: Set<string>;
  /** request URLs without query strings (they often carry identifiers) */
  urls: Set<string>;
  pages: PageArtifacts[];
}

/** Every tracker a page loaded — from network requests, plus script/iframe tags the browser may have blocked. */
export function trackersOnPage(page: PageArtifacts): Map<string, TrackerHit> {
  const hits = new Map<string, TrackerHit>();
  const base = page.finalUrl || page.url;
  const add = (url: string, thirdParty: boolean) => {
    if (!thirdParty) return;
    const tracker = trackerForUrl(url);
    if (!tracker) return;
    const hit = hits.get(tracker.id) ?? { tracker, hosts: new Set(), urls: new Set(), pages: [page] };
    hit.hosts.add(hostOf(url));
    hit.urls.add(urlWithoutQuery(url));
    hits.set(tracker.id, hit);
  };
  for (const r of page.requests) add(r.url, r.thirdParty || isThirdPartyUrl(r.url, base));
  for (const s of page.dom.scripts) if (s.src && isExecutableScript(s)) add(s.src, isThirdPartyUrl(s.src, base));
  for (const f of page.dom.iframes) if (f.src) add(f.src, isThirdPartyUrl(f.src, base));
  return hits;
}

/** Trackers across the site, each with every page that loaded it. */
export function trackersOnSite(pages: PageArtifacts[]): Map<string, TrackerHit> {
  const all = new Map<string, TrackerHit>();
  for (const page of analyzablePages(pages)) {
    for (const [id, hit] of trackersOnPage(page)) {
      const agg = all.get(id);
      if (!agg) {
        all.set(id, hit);
        continue;
      }
      for (const h of hit.hosts) agg.hosts.add(h);
      for (const u of hit.urls) agg.urls.add(u);
      agg.pages.push(page);
    }
  }
  return all;
}
