// One check per tracker category so each carries its own severity: session recording and fingerprinting
// capture the most, advertising follows people across sites, analytics stays on one site. Each tracker is
// one finding (key = tracker id, siteWide) listing every page that loaded it.
import { CATEGORY_LABELS, type TrackerCategory } from "../../data/trackers";
import type { CheckDefinition, CheckResult, Severity } from "../../types";
import { analyzablePages, fail, listPreview } from "../shared/result";
import { trackersOnSite } from "./match";

interface CategoryRule {
  category: TrackerCategory;
  rule: string;
  severity: Severity;
  weight: number;
  title: string;
  why: string;
  fix: string;
}

const CONSENT_FIX = "load it only after the visitor opts in through your consent manager, name it in your privacy/cookie policy";

const RULES: CategoryRule[] = [
  {
    category: "session_replay",
    rule: "tracker-session-replay",
    severity: "high",
    weight: 4,
    title: "Session-recording script",
    why: "Session-replay tools record every mouse movement, click, scroll and keystroke and can replay the visit; unless carefully masked they capture what people type into forms — including personal, health or payment data — and send it to the vendor.",
    fix: `If you keep it: ${CONSENT_FIX}, and configure input masking (mask all inputs and sensitive text by default). Otherwise remove the snippet.`,
  },
  {
    category: "fingerprinting",
    rule: "tracker-fingerprinting",
    severity: "high",
    weight: 4,
    title: "Device-fingerprinting service",
    why: "Fingerprinting services identify a device from its browser and hardware characteristics; the identifier survives clearing cookies and private browsing, so visitors cannot opt out by themselves. Fraud prevention is a legitimate use, but it must be disclosed and limited to that purpose.",
    fix: "Load it only on the pages that need fraud protection (checkout, login), disclose it in your privacy policy with its purpose and legal basis, and don't use the identifier for marketing.",
  },
  {
    category: "advertising",
    rule: "tracker-advertising",
    severity: "medium",
    weight: 3,
    title: "Advertising tracker",
    why: "Advertising trackers build cross-site profiles: the vendor learns which pages each visitor reads and combines it with what it sees on other sites, for ad targeting and resale to data brokers.",
    fix: `Remove it if the campaign is over; otherwise ${CONSENT_FIX}, and prefer server-side conversion APIs that send only what you choose.`,
  },
  {
    category: "social",
    rule: "tracker-social",
    severity: "medium",
    weight: 2,
    title: "Social-media embed or widget that tracks",
    why: "Social widgets and embeds let the platform see every visit to the page — tied to the visitor's account when they are logged in — even if they never click.",
    fix: "Use plain share links (no script), or a click-to-load facade that loads the embed only when the visitor asks (e.g. lite-youtube-embed with youtube-nocookie.com).",
  },
  {
    category: "marketing",
    rule: "tracker-marketing",
    severity: "low",
    weight: 2,
    title: "Marketing-automation tracker",
    why: "Marketing-automation and B2B-intent tools tie page views to identified leads or to the visitor's company (via IP lookup) and feed them into sales pipelines.",
    fix: `${CONSENT_FIX[0].toUpperCase()}${CONSENT_FIX.slice(1)}, and disable IP-to-company enrichment where the law requires consent.`,
  },
  {
    category: "analytics",
    rule: "tracker-analytics",
    severity: "low",
    weight: 2,
    title: "Third-party analytics",
    why: "Third-party analytics send every page view, with device details and an identifier, to the vendor. Cookieless, EU-hosted tools that don't build profiles can often run without consent; most others need it.",
    fix: "Enable IP anonymisation and the shortest retention, avoid sending personal data in URLs or events, and load it after consent unless it is a cookieless, privacy-preserving tool.",
  },
  {
    category: "ab_testing",
    rule: "tracker-ab-testing",
    severity: "low",
    weight: 1,
    title: "A/B-testing service",
    why: "A/B-testing tools assign visitors a persistent identifier and report their behaviour to the vendor, and typically load synchronously (they also slow the page).",
    fix: `Run experiments only for consenting visitors (${CONSENT_FIX}), and remove the snippet between experiments.`,
  },
  {
    category: "customer_interaction",
    rule: "tracker-customer-interaction",
    severity: "low",
    weight: 1,
    title: "Chat or survey widget",
    why: "Chat and survey widgets load on every page and send page views and visitor identifiers to the vendor even when nobody opens them.",
    fix: "Load the widget on demand (a lightweight button that loads the vendor script when clicked) and name the vendor in your privacy policy.",
  },
  {
    category: "tag_manager",
    rule: "tracker-tag-manager",
    severity: "low",
    weight: 1,
    title: "Tag manager",
    why: "A tag manager injects whatever scripts are configured in its web console — outside code review — so anyone with access to the container can add trackers (or malicious code) to the site.",
    fix: "Restrict who can publish the container, review its tags, and tie tag firing to consent (Consent Mode / consent triggers). Add its origin to your CSP only if needed.",
  },
];

function categoryCheck(spec: CategoryRule): CheckDefinition {
  const def: CheckDefinition = {
    rule: spec.rule,
    pillar: "trackers",
    severity: spec.severity,
    weight: spec.weight,
    title: spec.title,
    scope: "site",
    run(ctx) {
      if (analyzablePages(ctx.pages).length === 0) return "n/a";
      const out: CheckResult[] = [];
      for (const hit of trackersOnSite(ctx.pages).values()) {
        if (hit.tracker.category !== spec.category) continue;
        const t = hit.tracker;
        // One result per page with the same key: the engine merges them into one finding listing the pages.
        for (const page of hit.pages) {
          out.push(
            fail(def, {
              url: page.url,
              key: t.id,
              siteWide: true,
              title: `${spec.title}: ${t.name}`,
              description: `The site loads ${t.name} (${t.company}, ${CATEGORY_LABELS[t.category]}) from ${[...hit.hosts].join(", ")} on ${hit.pages.length} of the scanned pages. ${spec.why}`,
              fix: `${spec.fix} Vendor privacy policy: ${t.privacyUrl}`,
              evidence: `Tracker: ${t.name} — ${t.company} — category ${t.category}\nRequests:\n${listPreview([...hit.urls], 8)}\nPages:\n${listPreview(hit.pages.map((p) => p.url), 10)}`,
            }),
          );
        }
      }
      return out;
    },
  };
  return def;
}

export const trackerChecks: CheckDefinition[] = RULES.map(categoryCheck);
export const TRACKER_RULE_BY_CATEGORY: Record<TrackerCategory, string> = Object.fromEntries(
  RULES.map((r) => [r.category, r.rule]),
) as Record<TrackerCategory, string>;
