import { describe, expect, it } from "vitest";
import { TRACKER_CATEGORIES } from "../../data/trackers";
import { failures, makeContext, makePage, makeRequest, runCheck } from "../shared/test-artifacts";
import { TRACKER_RULE_BY_CATEGORY, trackerChecks } from "./checks";
import { checks } from "./index";

const byRule = (rule: string) => trackerChecks.find((c) => c.rule === rule)!;
const req = (url: string, thirdParty = true) => makeRequest(url, { thirdParty });

describe("tracker checks", () => {
  it("have one rule per category, with severity ordered by intrusiveness", () => {
    expect(Object.keys(TRACKER_RULE_BY_CATEGORY).sort()).toEqual([...TRACKER_CATEGORIES].sort());
    // The category rules, then the behavioural one for unknown hosts that receive identifiers.
    expect(checks.map((c) => c.rule)).toEqual([...trackerChecks.map((c) => c.rule), "tracker-probable"]);
    expect(byRule("tracker-session-replay").severity).toBe("high");
    expect(byRule("tracker-fingerprinting").severity).toBe("high");
    expect(byRule("tracker-advertising").severity).toBe("medium");
    expect(byRule("tracker-analytics").severity).toBe("low");
  });

  it("one finding per tracker (siteWide, keyed by tracker id) with every page", () => {
    const pages = [
      makePage({ requests: [req("https://www.google-analytics.com/g/collect?tid=G-1&cid=123"), req("https://region1.google-analytics.com/g/collect")] }),
      makePage({ url: "https://example.com/b", requests: [req("https://www.google-analytics.com/g/collect?cid=456")] }),
    ];
    const r = failures(byRule("tracker-analytics"), makeContext(pages));
    expect(r.map((x) => x.url)).toEqual(["https://example.com/", "https://example.com/b"]);
    expect(new Set(r.map((x) => x.key))).toEqual(new Set(["google-analytics"]));
    expect(r[0].evidence).toContain("www.google-analytics.com/g/collect");
    expect(r[0].evidence).not.toContain("cid=123"); // identifiers in query strings stay out
  });

  it("routes each tracker to its category rule", () => {
    const page = makePage({
      requests: [
        req("https://static.hotjar.com/c/hotjar-1.js"),
        req("https://connect.facebook.net/en_US/fbevents.js"),
        req("https://www.googletagmanager.com/gtm.js?id=GTM-1"),
      ],
      dom: { iframes: [{ src: "https://www.youtube-nocookie.com/embed/abc" }] },
    });
    const ctx = makeContext([page]);
    expect(failures(byRule("tracker-session-replay"), ctx).map((r) => r.key)).toEqual(["hotjar"]);
    expect(failures(byRule("tracker-advertising"), ctx).map((r) => r.key)).toEqual(["meta-pixel"]);
    expect(failures(byRule("tracker-tag-manager"), ctx).map((r) => r.key)).toEqual(["google-tag-manager"]);
    expect(failures(byRule("tracker-social"), ctx).map((r) => r.key)).toEqual(["youtube"]);
    expect(failures(byRule("tracker-analytics"), ctx)).toEqual([]);
  });

  it("ignores first-party requests, unknown third parties and fonts/CDNs", () => {
    const page = makePage({
      requests: [
        req("https://example.com/js/analytics.js", false),
        req("https://fonts.googleapis.com/css2?family=Inter"),
        req("https://cdn.jsdelivr.net/npm/x"),
      ],
    });
    for (const c of trackerChecks) expect(failures(c, makeContext([page])), c.rule).toEqual([]);
  });

  it("does not count scripts a consent manager parked as type=text/plain", () => {
    const page = makePage({
      dom: { scripts: [{ src: "https://www.google-analytics.com/analytics.js", type: "text/plain", inline: false, async: true, defer: false }] },
    });
    expect(failures(byRule("tracker-analytics"), makeContext([page]))).toEqual([]);
    const live = makePage({ dom: { scripts: [{ src: "https://www.google-analytics.com/analytics.js", type: "module", inline: false, async: true, defer: false }] } });
    expect(failures(byRule("tracker-analytics"), makeContext([live]))).toHaveLength(1);
  });

  it("is n/a with no page to judge", () => {
    expect(runCheck(byRule("tracker-analytics"), makeContext([makePage({ status: null })]))).toBe("n/a");
  });
});
