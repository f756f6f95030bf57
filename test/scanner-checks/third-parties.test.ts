// Real scan of the third-party fixture: the site's own scripts fingerprint the browser (canvas, WebGL,
// AudioContext, fonts) and report each visit to 127.0.0.2, a host on no tracker list, with a visitor id, the
// page URL, the screen size, a timestamp and an e-mail address; a self-hosted recorder on /account captures
// every key. The inventory, the classifications and the findings are asserted from that one scan.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanResult, ThirdPartyHost } from "@/lib/scanner";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { SITES, byRule, scanFixture } from "./support";

const ROOT = path.join(SITES, "thirdparty");

describe("third-party inventory fixture", () => {
  let beacon: FixtureServer;
  let site: FixtureServer;
  let result: ScanResult;
  let host: ThirdPartyHost;

  beforeAll(async () => {
    beacon = await startFixtureServer({ root: path.join(ROOT, "beacon"), host: "127.0.0.2" });
    site = await startFixtureServer({ root: path.join(ROOT, "site"), vars: { THIRD_PARTY: beacon.origin } });
    result = await scanFixture(`${site.origin}/`, { pillars: ["trackers", "privacy", "cookies"] });
    host = result.third_parties!.find((h) => h.host === "127.0.0.2")!;
  });
  afterAll(async () => {
    await site?.close();
    await beacon?.close();
  });

  it("lists the unlisted host with its requests, bytes, types, cookie and first page", () => {
    expect(result.third_parties!.map((h) => h.host)).toEqual(["127.0.0.2"]);
    expect(host.tracker).toBeNull();
    expect(host.site).toBe("127.0.0.2");
    // home: beacon + pixel + cover image; /books: beacon + pixel
    expect(host.requests).toBe(5);
    expect(host.pages).toBe(2);
    expect(host.first_seen_on).toBe(`${site.origin}/`);
    expect(host.resource_types).toMatchObject({ image: 3 });
    expect(host.bytes).toBeGreaterThan(0);
    expect(host.bytes_sent).toBeGreaterThan(0);
    expect(host.cookies).toEqual(["tp_uid"]);
    expect(host.probable_tracker).toBe(true);
  });

  it("records what each beacon sent as names and kinds, never the values", () => {
    const collect = host.beacons.find((b) => b.endpoint === `${beacon.origin}/_echo/collect`)!;
    expect(collect.method).toBe("POST");
    expect(collect.count).toBe(2);
    const kinds = Object.fromEntries(collect.params.map((p) => [`${p.in}:${p.name}`, p.kinds]));
    expect(kinds).toEqual({
      "query:vid": ["identifier"],
      "query:url": ["page_url"],
      "query:sr": ["screen_device"],
      "query:ts": ["timestamp"],
      "query:ev": ["other"],
      "body:visitor.id": ["identifier"],
      "body:visitor.email": ["email"],
      "body:viewport": ["screen_device"],
      "body:title": ["other"],
    });
    const pixel = host.beacons.find((b) => b.endpoint === `${beacon.origin}/pixel.gif`)!;
    expect(pixel.params.map((p) => [p.name, p.kinds])).toEqual([["cid", ["identifier"]], ["ref", ["page_url"]]]);
    expect(host.receives).toEqual(["identifier", "screen_device", "page_url", "email", "timestamp", "other"]);
    // The cover image is an asset, not a beacon.
    expect(host.beacons.map((b) => b.endpoint)).not.toContain(`${beacon.origin}/img/cover.svg`);
    const stored = JSON.stringify(result.third_parties);
    expect(stored).not.toContain("reader@example.org");
    expect(stored).not.toContain("6f1c2b7e");
    // The fixture server received the real values: the classification had them to look at.
    expect(beacon.beacons.some((b) => b.body.includes("reader@example.org"))).toBe(true);
  });

  it("reports the unlisted host as a probable tracker, on every page that sent it an identifier", () => {
    const f = byRule(result, "tracker-probable");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ pillar: "trackers", severity: "high", key: "127.0.0.2", title: "Probable tracker: 127.0.0.2 receives identifiers" });
    expect(f[0].urls.map((u) => new URL(u).pathname).sort()).toEqual(["/", "/books"]);
    expect(f[0].evidence).toContain('query "vid": identifiers');
    expect(f[0].evidence).toContain('query "url": the page URL');
    expect(f[0].evidence).not.toContain("reader@example.org");
  });

  it("finds the first-party fingerprinting script by its behaviour: canvas, WebGL, audio and fonts", () => {
    const f = byRule(result, "fingerprinting-script");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ pillar: "privacy", severity: "high", key: `${site.origin}/js/fp.js`, title: "Browser fingerprinting by first-party script /js/fp.js" });
    expect(f[0].description).toContain("first party");
    for (const t of ["canvas read-back", "WebGL renderer/extension queries", "AudioContext rendering", "font enumeration"]) expect(f[0].evidence).toContain(t);
    // Reported once: the canvas check leaves multi-technique scripts to this rule.
    expect(byRule(result, "canvas-fingerprinting")).toHaveLength(0);
  });

  it("finds the self-hosted session recorder and its keystroke capture", () => {
    const rec = byRule(result, "session-recording");
    expect(rec).toHaveLength(1);
    expect(rec[0].title).toBe(`Visits are recorded by script ${site.origin}/js/recorder.js`);
    expect(rec[0].urls.map((u) => new URL(u).pathname)).toEqual(["/account"]);
    const keys = byRule(result, "key-logging");
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ severity: "high", key: "127.0.0.1", title: "Typed input sent to 127.0.0.1 before submit" });
  });
});
