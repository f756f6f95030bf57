// Before and after consent on the consent fixture: a real scan with the `consent` option, autoconsent
// driving a Cookiebot-style banner, a OneTrust-style banner and two generic ones. Tracker host names reach
// the local vendor fixture through Chromium's host-resolver rules (see ./support).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanConsentPage, ScanResult } from "@/lib/scanner";
import {
  ACCEPT_SELF_SIGNED,
  SITES,
  byRule,
  chromeWrapper,
  mapAllHostsTo,
  selfSignedCert,
  startFixturePair,
  startHttpsFront,
  type ChromeWrapper,
  type FixturePair,
  type HttpsFront,
} from "./support";
import { scanSite } from "@/lib/scanner";

const hosts = (s: { hosts: { host: string }[] }) => s.hosts.map((h) => h.host).sort();
const cookies = (s: { cookies: { name: string }[] }) => s.cookies.map((c) => c.name).sort();

describe("consent fixture, scanned with consent variants", () => {
  let pair: FixturePair;
  let front: HttpsFront;
  let chrome: ChromeWrapper;
  let result: ScanResult;
  const page = (p: string): ScanConsentPage => {
    const found = result.consent?.pages.find((c) => new URL(c.url).pathname === p);
    if (!found) throw new Error(`no consent entry for ${p}`);
    return found;
  };

  beforeAll(async () => {
    pair = await startFixturePair(path.join(SITES, "consent"));
    front = await startHttpsFront(pair.vendor, selfSignedCert(30), "127.0.0.2");
    chrome = chromeWrapper([mapAllHostsTo(front.port), ACCEPT_SELF_SIGNED]);
    result = await scanSite({ url: `${pair.site.origin}/`, allowPrivate: true, maxPages: 5, chromePath: chrome.path, pillars: ["privacy", "cookies", "trackers"], consent: true });
  }, 180_000);
  afterAll(async () => {
    chrome?.cleanup();
    await front?.close();
    await pair?.close();
  });

  it("recognises each banner: Cookiebot and OneTrust by autoconsent's rules, the generic ones by its heuristics", () => {
    expect(page("/").cmp).toBe("Cybotcookiebot");
    expect(page("/news").cmp).toBe("Onetrust");
    expect(page("/shop").cmp, JSON.stringify(result.consent)).toMatch(/^HEURISTIC/);
    expect(page("/shop").accept).toMatchObject({ done: true, via: "generic-button" });
    expect(page("/shop").reject).toMatchObject({ done: true, offered: true });
    expect(page("/privacy").cmp).toBeNull();
    expect(page("/privacy").reject).toBeNull(); // no banner: the reject load is skipped
  });

  it("lists what ran before any choice and what only Accept added", () => {
    expect(hosts(page("/").before).filter((h) => h !== "127.0.0.1")).toEqual([]);
    expect(hosts(page("/").accept!.added)).toEqual(["www.google-analytics.com"]);
    expect(cookies(page("/").accept!.added)).toEqual(["_ga"]);
    expect(hosts(page("/news").before)).toContain("connect.facebook.net");
    expect(cookies(page("/news").before)).toContain("_fbp");
    expect(hosts(page("/news").accept!.added)).toEqual(["static.hotjar.com"]);
  });

  it("lists what appeared despite Reject, and nothing where Reject is honoured", () => {
    expect(page("/").reject).toMatchObject({ done: true });
    expect(hosts(page("/").reject!.added)).toEqual([]);
    expect(hosts(page("/news").reject!.added)).toEqual([]);
    expect(cookies(page("/news").reject!.added)).toEqual([]);
    expect(hosts(page("/shop").reject!.added)).toEqual(["www.google-analytics.com"]);
    expect(cookies(page("/shop").reject!.added)).toEqual(["_ga"]);
  });

  it("reports tracking after Reject as critical, once per tracker and cookie, on the page that did it", () => {
    const found = byRule(result, "tracking-despite-reject");
    expect(found.map((f) => f.title).sort()).toEqual(['Cookie _ga set after "Reject"', 'Google Analytics loads after "Reject"']);
    for (const f of found) {
      expect(f.severity).toBe("critical");
      expect(f.urls.map((u) => new URL(u).pathname)).toEqual(["/shop"]);
    }
  });

  it("reports tracking before any choice (GDPR/ePrivacy) now that the variants saw the banner", () => {
    const [f] = byRule(result, "tracking-before-consent");
    expect(f).toBeDefined();
    expect(f.evidence).toContain("Meta Pixel");
  });

  it("reports a banner that can only be accepted", () => {
    expect(page("/blog").accept).toMatchObject({ done: true });
    expect(page("/blog").reject).toMatchObject({ done: false, offered: false });
    const [f] = byRule(result, "consent-reject-unavailable");
    expect(new URL(f.url).pathname).toBe("/blog");
  });

  it("measures the consent loads", () => {
    expect(result.timings.consentMs).toBeGreaterThan(0);
    expect(result.consent!.ms).toBe(result.timings.consentMs);
  });
});
