import { describe, expect, it } from "vitest";
import raw from "./trackers.json";
import {
  TRACKER_CATEGORIES,
  TRACKER_DB,
  trackerDatabaseSchema,
  trackerForCookieName,
  trackerForHost,
  trackerForUrl,
} from "./trackers";

describe("tracker database", () => {
  it("parses against the schema (valid categories, kebab ids, https privacy URLs, lower-case hosts)", () => {
    const parsed = trackerDatabaseSchema.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    for (const t of TRACKER_DB) expect(TRACKER_CATEGORIES).toContain(t.category);
  });

  it("has a useful size", () => {
    expect(TRACKER_DB.length).toBeGreaterThanOrEqual(150);
    expect(TRACKER_DB.flatMap((t) => t.hosts).length).toBeGreaterThanOrEqual(250);
  });

  it("has no duplicate ids or hosts", () => {
    const ids = TRACKER_DB.map((t) => t.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const hosts = TRACKER_DB.flatMap((t) => t.hosts);
    expect(hosts.filter((h, i) => hosts.indexOf(h) !== i)).toEqual([]);
  });

  it("has no host made redundant by a parent host of the same tracker", () => {
    const redundant = TRACKER_DB.flatMap((t) =>
      t.hosts.filter((h) => t.hosts.some((p) => p !== h && h.endsWith(`.${p}`))).map((h) => `${t.id}: ${h}`),
    );
    expect(redundant).toEqual([]);
  });

  it("never lists a bare multi-purpose platform domain that would flag ordinary sites", () => {
    // Requests to these are usually fonts, maps, search or CDNs, not tracking; only specific subdomains belong.
    const tooBroad = ["google.com", "gstatic.com", "googleapis.com", "bing.com", "linkedin.com", "twitter.com",
      "pinterest.com", "reddit.com", "tiktok.com", "yandex.ru", "amazon.com", "cloudflare.com", "yahoo.com"];
    expect(TRACKER_DB.flatMap((t) => t.hosts).filter((h) => tooBroad.includes(h))).toEqual([]);
  });

  it("has no cookie-name pattern claimed by two trackers", () => {
    const names = TRACKER_DB.flatMap((t) => t.cookies);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

describe("tracker lookups", () => {
  it("matches hosts by suffix, most specific first", () => {
    expect(trackerForHost("www.google-analytics.com")?.id).toBe("google-analytics");
    expect(trackerForHost("region1.google-analytics.com")?.category).toBe("analytics");
    expect(trackerForHost("static.hotjar.com")?.category).toBe("session_replay");
    expect(trackerForHost("px.ads.linkedin.com")?.id).toBe("linkedin-insight");
    expect(trackerForHost("platform.linkedin.com")?.id).toBe("linkedin-widgets");
    expect(trackerForUrl("https://connect.facebook.net/en_US/fbevents.js")?.category).toBe("advertising");
    expect(trackerForUrl("https://bat.bing.com/bat.js")?.id).toBe("microsoft-advertising");
  });

  it("does not match look-alike or unrelated hosts", () => {
    expect(trackerForHost("notgoogle-analytics.com")).toBeUndefined();
    expect(trackerForHost("www.bing.com")).toBeUndefined();
    expect(trackerForHost("fonts.googleapis.com")).toBeUndefined();
    expect(trackerForHost("google-analytics.com.evil.example")).toBeUndefined();
    expect(trackerForHost("example.com")).toBeUndefined();
    expect(trackerForUrl("not a url")).toBeUndefined();
  });

  it("maps first-party cookie names to the tracker that sets them", () => {
    expect(trackerForCookieName("_ga")?.id).toBe("google-analytics");
    expect(trackerForCookieName("_ga_ABC123")?.id).toBe("google-analytics");
    expect(trackerForCookieName("_fbp")?.id).toBe("meta-pixel");
    expect(trackerForCookieName("_gcl_au")?.id).toBe("google-ads");
    expect(trackerForCookieName("_hjSessionUser_12345")?.id).toBe("hotjar");
    expect(trackerForCookieName("session")).toBeUndefined();
    expect(trackerForCookieName("_gallery")).toBeUndefined();
    expect(trackerForCookieName("fr")).toBeUndefined();
  });
});
