// Real scan of the trackers fixture. The page references real tracker host names; Chromium's
// host-resolver rules send them to a local HTTPS front of the vendor fixture (127.0.0.2), so the scan
// sees genuine third-party requests to e.g. www.google-analytics.com without leaving the machine.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "@/lib/scanner";
import {
  ACCEPT_SELF_SIGNED,
  SITES,
  byRule,
  chromeWrapper,
  firedRules,
  mapAllHostsTo,
  scanFixture,
  selfSignedCert,
  startFixturePair,
  startHttpsFront,
  type ChromeWrapper,
  type FixturePair,
  type HttpsFront,
} from "./support";

describe("trackers fixture", () => {
  let pair: FixturePair;
  let front: HttpsFront;
  let chrome: ChromeWrapper;
  let result: ScanResult;

  beforeAll(async () => {
    pair = await startFixturePair(path.join(SITES, "trackers/site"));
    front = await startHttpsFront(pair.vendor, selfSignedCert(30), "127.0.0.2");
    chrome = chromeWrapper([mapAllHostsTo(front.port), ACCEPT_SELF_SIGNED]);
    result = await scanFixture(`${pair.site.origin}/`, { chromePath: chrome.path });
  });
  afterAll(async () => {
    chrome?.cleanup();
    await front?.close();
    await pair?.close();
  });

  it("fires one rule per tracker category present", () => {
    expect(firedRules(result, ["trackers"])).toEqual([
      "tracker-ab-testing",
      "tracker-advertising",
      "tracker-analytics",
      "tracker-customer-interaction",
      "tracker-fingerprinting",
      "tracker-marketing",
      "tracker-session-replay",
      "tracker-social",
      "tracker-tag-manager",
    ]);
  });

  it("makes one finding per tracker with every page that loaded it, severity by category", () => {
    const ga = byRule(result, "tracker-analytics");
    expect(ga).toHaveLength(1);
    expect(ga[0].title).toBe("Third-party analytics: Google Analytics");
    expect(ga[0].urls.map((u) => new URL(u).pathname).sort()).toEqual(["/", "/sport"]);
    expect(byRule(result, "tracker-session-replay")[0]).toMatchObject({ severity: "high", title: "Session-recording script: Hotjar" });
    expect(byRule(result, "tracker-advertising")[0]).toMatchObject({ severity: "medium", title: "Advertising tracker: Meta Pixel & Facebook SDK" });
    expect(byRule(result, "tracker-social")[0].title).toBe("Social-media embed or widget that tracks: YouTube embeds");
  });

  it("feeds the privacy and cookie pillars: no banner, replay globals, analytics cookie", () => {
    expect(byRule(result, "consent-missing")[0].severity).toBe("high");
    expect(byRule(result, "session-recording")[0].title).toBe("Visits are recorded by Hotjar");
    expect(byRule(result, "cookie-before-consent")[0].title).toBe("Google Analytics cookie _ga set before consent");
  });
});
