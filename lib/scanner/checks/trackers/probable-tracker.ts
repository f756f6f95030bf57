// Hosts missing from the tracker list can track all the same: a third party that receives identifiers from
// the page's beacons (a client id, a UUID, a GA-style id) is reported as a probable tracker, with what it
// received — parameter names and kinds of values, never the values.
import type { CheckDefinition, CheckResult } from "../../types";
import { thirdPartyHostDetails } from "../../third-parties/inventory";
import { analyzablePages, fail, listPreview } from "../shared/result";

const KIND_LABELS: Record<string, string> = {
  identifier: "identifiers",
  screen_device: "screen/device data",
  page_url: "the page URL",
  email: "e-mail-like values",
  timestamp: "timestamps",
  other: "other values",
};

export const probableTracker: CheckDefinition = {
  rule: "tracker-probable",
  pillar: "trackers",
  severity: "medium",
  weight: 3,
  title: "Probable tracker not on the tracker list",
  scope: "site",
  run(ctx) {
    const pages = analyzablePages(ctx.pages);
    if (pages.length === 0) return "n/a";
    const out: CheckResult[] = [];
    for (const { row, identifierPages } of thirdPartyHostDetails(pages)) {
      if (!row.probable_tracker) continue;
      const received = row.receives.map((k) => KIND_LABELS[k]).join(", ");
      const params = row.beacons.flatMap((b) =>
        b.params.map((p) => `${b.method} ${b.endpoint} — ${p.in} "${p.name}": ${p.kinds.map((k) => KIND_LABELS[k]).join(", ")}`),
      );
      const email = row.receives.includes("email");
      for (const url of identifierPages) {
        out.push(
          fail(probableTracker, {
            url,
            key: row.host,
            siteWide: true,
            severity: email ? "high" : undefined,
            title: `Probable tracker: ${row.host} receives identifiers`,
            description: `${row.host} is not on Plumb's tracker list, but the pages send it ${received} (${row.beacons.length} endpoint${row.beacons.length === 1 ? "" : "s"}, ${row.requests} request${row.requests === 1 ? "" : "s"} in all). An identifier sent to a third party lets it recognise the visitor across pages and visits${row.receives.includes("page_url") ? "; with the page URL it learns what they read" : ""}${email ? "; an e-mail address ties the visits to a person" : ""}. That is tracking whatever the vendor calls it, and it needs consent in the EU/UK and disclosure everywhere.`,
            fix: `Find the script that sends these requests (browser devtools > Network, filter on ${row.host}), find out what the vendor does with the data, and remove it or load it only after consent; name the vendor in your privacy policy. If ${row.host} is a well-known tracker, propose it for lib/scanner/data/trackers.json.`,
            evidence: `Host: ${row.host} (site ${row.site})\nFirst seen on: ${row.first_seen_on}\nParameters received:\n${listPreview(params, 12)}${row.cookies.length ? `\nCookies it set: ${row.cookies.slice(0, 10).join(", ")}` : ""}`,
          }),
        );
      }
    }
    return out;
  },
};
