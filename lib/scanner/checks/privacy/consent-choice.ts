// Checks over the consent variants (scan option `consent`): what loads after the visitor clicked "Reject",
// and banners that cannot be rejected. What loads before any choice is tracking-before-consent's (the
// variants also tell it a banner was there, see signals.ts).
import { addedSince } from "../../consent-report";
import { needsConsent, trackerForHost } from "../../data/trackers";
import type { CheckDefinition, CheckResult } from "../../types";
import { cookieTracker } from "../cookies/classify";
import { analyzablePages, fail } from "../shared/result";

export const trackingDespiteReject: CheckDefinition = {
  rule: "tracking-despite-reject",
  pillar: "privacy",
  severity: "critical",
  weight: 8,
  title: "Tracking starts after the visitor rejected it",
  scope: "site",
  run(ctx) {
    const pages = analyzablePages(ctx.pages).filter((p) => p.consent?.reject?.done);
    if (pages.length === 0) return "n/a";
    const out: CheckResult[] = [];
    for (const page of pages) {
      const reject = page.consent!.reject!;
      const added = addedSince(reject);
      const cmp = reject.cmp ?? "the consent banner";
      for (const h of added.hosts) {
        if (!h.thirdParty) continue;
        const tracker = trackerForHost(h.host);
        if (!tracker || !needsConsent(tracker)) continue;
        out.push(
          fail(trackingDespiteReject, {
            url: page.url,
            key: `host:${tracker.name}`,
            siteWide: true,
            title: `${tracker.name} loads after "Reject"`,
            description: `After the visitor clicked "Reject" in ${cmp}, the page contacted ${h.host} (${tracker.name}, ${tracker.company}) — ${h.requests} request(s) that were not made before the choice. Tracking a visitor who refused it is processing without any legal basis (GDPR Art. 6, ePrivacy Art. 5(3)); regulators treat an ignored refusal as the most serious consent failure.`,
            fix: `Make the tag manager or consent platform block ${tracker.name} unless its purpose was accepted: fire it only on the consent-granted event for its category, and check that the "Reject" handler does not run the tags queued for consent.`,
            evidence: `Consent manager: ${cmp}\nAfter "Reject": ${h.host} (${h.requests} request(s))\nPage: ${page.url}`,
          }),
        );
      }
      for (const c of added.cookies) {
        const tracker = cookieTracker(c);
        if (!c.thirdParty && !(tracker && needsConsent(tracker))) continue;
        out.push(
          fail(trackingDespiteReject, {
            url: page.url,
            key: `cookie:${c.name}@${c.domain.replace(/^\./, "")}`,
            siteWide: true,
            title: `Cookie ${c.name} set after "Reject"`,
            description: `After the visitor clicked "Reject" in ${cmp}, the ${tracker ? `${tracker.name} ` : "third-party "}cookie ${c.name} (${c.domain}) was stored. A refusal must stop non-essential cookies: storing one after it is processing without consent (ePrivacy Art. 5(3), GDPR Art. 6).`,
            fix: `Find what sets ${c.name} after the refusal (a tag fired by the "Reject" handler, a script not gated by the consent platform) and gate it on consent for its purpose.`,
            evidence: `Consent manager: ${cmp}\nAfter "Reject": cookie ${c.name} on ${c.domain}\nPage: ${page.url}`,
          }),
        );
      }
    }
    return out;
  },
};

export const rejectUnavailable: CheckDefinition = {
  rule: "consent-reject-unavailable",
  pillar: "privacy",
  severity: "medium",
  weight: 3,
  title: "The consent banner cannot be rejected as easily as accepted",
  scope: "site",
  run(ctx) {
    const pages = analyzablePages(ctx.pages).filter((p) => p.consent?.accept?.popupFound && p.consent.reject);
    if (pages.length === 0) return "n/a";
    const page = pages.find((p) => !p.consent!.reject!.done);
    if (!page) return [];
    const accept = page.consent!.accept!;
    const reject = page.consent!.reject!;
    return [
      fail(rejectUnavailable, {
        url: page.url,
        key: "reject",
        siteWide: true,
        description: `The banner (${accept.cmp ?? "consent banner"}) offers a way to accept, but no "Reject" could be found or used on ${page.url}${reject.error ? ` (${reject.error})` : ""}. European regulators (EDPB guidelines 05/2020 and the cookie-banner taskforce report) expect refusing to be as easy as accepting — a reject button on the first layer, as visible as "Accept".`,
        fix: "Add a \"Reject all\" button to the banner's first layer, with the same prominence as \"Accept all\"; closing the banner must not count as consent.",
        evidence: `Consent manager: ${accept.cmp ?? "unknown"}\nAccept: ${accept.done ? "clicked" : "found"}\nReject: ${reject.popupFound ? "banner found, rejecting failed" : "no reject option found"}`,
      }),
    ];
  },
};

export const consentChoiceChecks = [trackingDespiteReject, rejectUnavailable];

/** Rules that only the consent loads can judge: a re-check of one runs them (lib/scanner/recheck.ts). */
export const CONSENT_LOAD_RULES: ReadonlySet<string> = new Set(consentChoiceChecks.map((c) => c.rule));
