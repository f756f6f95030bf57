import { describe, expect, it } from "vitest";
import { failedPage } from "../gather/page";
import { bodyPairs, classifyValue, describeSentParams } from "../gather/sent-params";
import type { NetworkRequest, PageArtifacts } from "../types";
import { buildThirdPartyInventory, INVENTORY_CAPS, isBeacon } from "./inventory";

const PAGE = "https://shop.example/cart?step=2";
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const ctx = { pageUrl: PAGE, now: NOW };

describe("classifyValue", () => {
  it.each([
    ["cid", "1234567890.1712345678", "identifier"],
    ["anything", "6f1c2b7e-9d4a-4c3e-8b21-0a1b2c3d4e5f", "identifier"],
    ["uid", "u-778123", "identifier"],
    ["x", "a8F3kQ9zLm2Xp7Rt5Vb1Nc4", "identifier"],
    ["dl", "https://shop.example/cart?step=2", "page_url"],
    ["ref", "//www.shop.example/", "page_url"],
    ["ref", "https://elsewhere.example/", "other"],
    ["em", "ann@example.com", "email"],
    ["sr", "1440x900", "screen_device"],
    ["ua", "Mozilla/5.0 (X11; Linux x86_64)", "screen_device"],
    ["ul", "en-us", "screen_device"],
    ["ts", String(NOW), "timestamp"],
    ["t", String(Math.round(NOW / 1000)), "timestamp"],
    ["v", "8f3a9c0d1e2f3a4b5c6d", "other"],
    ["ev", "pageview", "other"],
    ["uid", "true", "other"],
    ["q", "", "other"],
  ])("%s=%s is %s", (name, value, kind) => {
    expect(classifyValue(name, value, ctx)).toBe(kind);
  });
});

describe("describeSentParams", () => {
  it("reads the query, form, JSON and truncated JSON bodies, and keeps names and kinds only", () => {
    const sent = describeSentParams({
      url: "https://t.example/c?vid=6f1c2b7e-9d4a-4c3e-8b21-0a1b2c3d4e5f&dl=https%3A%2F%2Fshop.example%2F",
      pageUrl: PAGE,
      body: JSON.stringify({ user: { email: "ann@example.com", plan: "pro" }, events: [{ name: "view" }] }),
      now: NOW,
    });
    expect(sent).toEqual([
      { in: "query", name: "vid", kind: "identifier" },
      { in: "query", name: "dl", kind: "page_url" },
      { in: "body", name: "user.email", kind: "email" },
      { in: "body", name: "user.plan", kind: "other" },
      { in: "body", name: "events[].name", kind: "other" },
    ]);
    expect(JSON.stringify(sent)).not.toContain("ann@example.com");
    expect(bodyPairs("a=1&email=ann%40example.com", "application/x-www-form-urlencoded")).toEqual([["a", "1"], ["email", "ann@example.com"]]);
    expect(bodyPairs('{"cid":"123456789.1712345678","long":"xxxxxxxx', "text/plain")).toEqual([["cid", "123456789.1712345678"]]);
    expect(bodyPairs("\u0000\u0001binary", "application/octet-stream")).toEqual([["(raw body)", "\u0000\u0001binary"]]);
  });

  it("caps the number of parameters and the length of names", () => {
    const q = Array.from({ length: 80 }, (_, i) => `p${i}=${i}`).join("&");
    const sent = describeSentParams({ url: `https://t.example/?${q}&${"n".repeat(300)}=1`, pageUrl: PAGE, now: NOW });
    expect(sent).toHaveLength(40);
    expect(describeSentParams({ url: `https://t.example/?${"n".repeat(300)}=1`, pageUrl: PAGE })[0].name).toHaveLength(60);
  });
});

function req(url: string, over: Partial<NetworkRequest> = {}): NetworkRequest {
  return {
    url, method: "GET", resourceType: "script", status: 200, requestHeaders: {}, responseHeaders: {}, transferBytes: 1000, bodyBytes: 900,
    startTime: 0, endTime: 10, thirdParty: true, ...over,
  };
}

function page(url: string, requests: NetworkRequest[], cookies: PageArtifacts["cookies"] = []): PageArtifacts {
  return { ...failedPage(url, ""), status: 200, errors: [], requests, cookies };
}

describe("buildThirdPartyInventory", () => {
  const sentFor = (url: string, body?: string) => describeSentParams({ url, pageUrl: "https://shop.example/", body, now: NOW });
  const beaconUrl = "https://collect.metrics.example/e?vid=6f1c2b7e-9d4a-4c3e-8b21-0a1b2c3d4e5f&dl=https%3A%2F%2Fshop.example%2F";
  const pages = [
    page("https://shop.example/", [
      req("https://shop.example/app.js", { thirdParty: false }),
      req("https://www.google-analytics.com/analytics.js?id=UA-1", { sentParams: sentFor("https://www.google-analytics.com/analytics.js?id=UA-1") }),
      req(beaconUrl, { method: "POST", resourceType: "other", transferBytes: 80, postDataBytes: 120, sentParams: sentFor(beaconUrl, '{"em":"ann@example.com"}') }),
      req("https://cdn.pics.example/hero.jpg?v=8f3a9c0d1e2f3a4b5c6d", { resourceType: "image", bodyBytes: 50_000, transferBytes: 50_000, sentParams: sentFor("https://cdn.pics.example/hero.jpg?v=8f3a9c0d1e2f3a4b5c6d") }),
    ], [
      { name: "m_uid", value: "x", domain: "collect.metrics.example", path: "/", expires: -1, size: 5, httpOnly: false, secure: true, thirdParty: true, setBeforeConsent: true, setBy: beaconUrl },
      { name: "_ga", value: "x", domain: ".shop.example", path: "/", expires: -1, size: 5, httpOnly: false, secure: false, thirdParty: false, setBeforeConsent: true, setBy: "https://www.google-analytics.com/analytics.js" },
    ]),
    page("https://shop.example/about", [req(beaconUrl, { method: "POST", resourceType: "other", transferBytes: 80, sentParams: sentFor(beaconUrl) })]),
    { ...failedPage("https://shop.example/broken", "navigation failed"), requests: [req("https://never.example/x.js")] },
  ];

  it("lists each third-party host with its counts, cookies, first page and beacons", () => {
    const inv = buildThirdPartyInventory(pages);
    expect(inv.map((h) => h.host)).toEqual(["collect.metrics.example", "cdn.pics.example", "www.google-analytics.com"]);
    const m = inv[0];
    expect(m).toMatchObject({
      site: "metrics.example", tracker: null, requests: 2, bytes: 160, bytes_sent: 120, pages: 2, resource_types: { other: 2 },
      cookies: ["m_uid"], first_seen_on: "https://shop.example/", receives: ["identifier", "page_url", "email"], probable_tracker: true,
    });
    expect(m.beacons).toEqual([{
      endpoint: "https://collect.metrics.example/e", method: "POST", count: 2,
      params: [{ in: "query", name: "vid", kinds: ["identifier"] }, { in: "query", name: "dl", kinds: ["page_url"] }, { in: "body", name: "em", kinds: ["email"] }],
    }]);
    // A listed tracker is never "probable"; its script's ?id= is configuration, not a beacon; the cookie its script set is its own.
    expect(inv[2]).toMatchObject({ tracker: { id: "google-analytics" }, beacons: [], probable_tracker: false, cookies: ["_ga"] });
    // A picture with a version hash is an asset.
    expect(inv[1]).toMatchObject({ beacons: [], probable_tracker: false, receives: [] });
  });

  it("tells beacons from assets and stays bounded", () => {
    expect(isBeacon(req("https://p.example/px.gif?uid=abcdef123", { resourceType: "image", bodyBytes: 43, sentParams: [{ in: "query", name: "uid", kind: "identifier" }] }))).toBe(true);
    expect(isBeacon(req("https://p.example/lib.js?uid=abcdef123", { sentParams: [{ in: "query", name: "uid", kind: "identifier" }] }))).toBe(false);
    const many = page("https://shop.example/", Array.from({ length: 400 }, (_, i) => req(`https://h${i}.example/a.js`)));
    expect(buildThirdPartyInventory([many])).toHaveLength(INVENTORY_CAPS.hosts);
  });
});
