// What the privacy checks need to know about a scan: which trackers and tracking cookies need consent,
// and whether any page showed a consent banner.
import { needsConsent, type Tracker } from "../../data/trackers";
import type { PageArtifacts } from "../../types";
import { collectCookies, cookieTracker, type SeenCookie } from "../cookies/classify";
import { analyzablePages } from "../shared/result";
import { trackersOnSite, type TrackerHit } from "../trackers/match";

export interface ConsentSignals {
  trackers: TrackerHit[]; // trackers that need consent
  cookies: { seen: SeenCookie; tracker: Tracker }[]; // tracking cookies stored before consent
  bannerPages: PageArtifacts[];
}

export function consentSignals(pages: PageArtifacts[]): ConsentSignals {
  const judged = analyzablePages(pages);
  const trackers = [...trackersOnSite(judged).values()].filter((h) => needsConsent(h.tracker));
  const cookies = collectCookies(judged).flatMap((seen) => {
    const tracker = cookieTracker(seen.cookie);
    return tracker && needsConsent(tracker) && seen.cookie.setBeforeConsent && !seen.cookie.blocked ? [{ seen, tracker }] : [];
  });
  return {
    trackers,
    cookies,
    // A banner the consent variants found (autoconsent) counts as well as one the DOM heuristics saw.
    bannerPages: judged.filter((p) => p.dom.consentBanner !== null || p.consent?.accept?.popupFound || p.consent?.reject?.popupFound),
  };
}

export function summarizeTracking(s: ConsentSignals): string {
  const lines = [
    ...s.trackers.map((h) => `Tracker: ${h.tracker.name} (${h.tracker.category}) — ${[...h.hosts].join(", ")}`),
    ...s.cookies.map(({ seen, tracker }) => `Cookie: ${seen.cookie.name} (${tracker.name}) on ${seen.pages[0].url}`),
  ];
  return lines.slice(0, 25).join("\n") + (lines.length > 25 ? `\n… and ${lines.length - 25} more` : "");
}
