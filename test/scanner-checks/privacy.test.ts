// Real scan of the privacy fixture: a consent banner that doesn't block anything, fingerprinting and
// key-logging scripts on a third-party origin (127.0.0.2), a first-party session-recording snippet and a
// Referrer-Policy that leaks full URLs.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "@/lib/scanner";
import { SITES, byRule, firedRules, scanFixture, startFixturePair, type FixturePair } from "./support";

describe("privacy fixture", () => {
  let pair: FixturePair;
  let result: ScanResult;

  beforeAll(async () => {
    pair = await startFixturePair(path.join(SITES, "privacy"));
    result = await scanFixture(`${pair.site.origin}/`);
  });
  afterAll(async () => {
    await pair?.close();
  });

  it("fires every privacy check planted in the site (and not consent-missing: there is a banner)", () => {
    expect(firedRules(result, ["privacy"])).toEqual([
      "browser-fingerprinting",
      "canvas-fingerprinting",
      "gpc-unsupported",
      "key-logging",
      "privacy-policy-missing",
      "referrer-leak",
      "session-recording",
      "tracking-before-consent",
    ]);
  });

  it("rates them as designed", () => {
    expect(byRule(result, "canvas-fingerprinting")[0].severity).toBe("high");
    expect(byRule(result, "key-logging")[0].severity).toBe("high");
    expect(byRule(result, "session-recording")[0].title).toBe("Visits are recorded by FullStory");
    expect(byRule(result, "privacy-policy-missing")[0].severity).toBe("medium"); // it has a newsletter form
    expect(byRule(result, "tracking-before-consent")[0].severity).toBe("medium");
    expect(byRule(result, "referrer-leak")[0].severity).toBe("medium"); // the search page's query string leaks
  });

  it("the key logger really received the typed text (the fixture works as intended)", () => {
    expect(pair.vendor.beacons.some((b) => b.path === "/_echo/k" && b.body.length > 0)).toBe(true);
  });
});
