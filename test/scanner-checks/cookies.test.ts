// Real scan of the cookies fixture: each cookie defect is planted by a Set-Cookie header (or a third-party
// pixel) and must be reported once, keyed by cookie.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "@/lib/scanner";
import { SITES, byRule, firedRules, scanFixture, startFixturePair, type FixturePair } from "./support";

describe("cookies fixture", () => {
  let pair: FixturePair;
  let result: ScanResult;

  beforeAll(async () => {
    pair = await startFixturePair(path.join(SITES, "cookies"));
    result = await scanFixture(`${pair.site.origin}/`);
  });
  afterAll(async () => {
    await pair?.close();
  });

  it("fires every cookie check", () => {
    expect(firedRules(result, ["cookies"])).toEqual([
      "cookie-before-consent",
      "cookie-long-lifetime",
      "cookie-missing-httponly",
      "cookie-missing-secure",
      "cookie-samesite-missing",
      "third-party-cookie",
    ]);
  });

  it("names the right cookies and leaves the harmless one alone", () => {
    expect(byRule(result, "cookie-missing-httponly").map((f) => f.title)).toEqual(["Session cookie PHPSESSID has no HttpOnly"]);
    expect(byRule(result, "cookie-missing-secure").map((f) => f.title)).toEqual(["Cookie widget_state is SameSite=None without Secure"]);
    expect(byRule(result, "cookie-before-consent").map((f) => f.title).sort()).toEqual([
      "Google Analytics cookie _ga set before consent",
      "Meta Pixel & Facebook SDK cookie _fbp set before consent",
    ]);
    expect(byRule(result, "cookie-long-lifetime").map((f) => f.title)).toEqual(["Cookie _ga lives 400 days"]);
    expect(JSON.stringify(result.findings.filter((f) => f.pillar === "cookies").map((f) => f.title))).not.toContain("lang");
    expect(byRule(result, "third-party-cookie")[0].title).toBe("Third-party cookies from 127.0.0.2");
  });

  it("reports the expired security.txt, and consent problems in the privacy pillar", () => {
    expect(byRule(result, "security-txt-expired")).toHaveLength(1);
    expect(byRule(result, "consent-missing")[0].severity).toBe("high");
  });
});
