import { describe, expect, it } from "vitest";
import { failures, makeContext, makePage, makeRequest, runCheck } from "../shared/test-artifacts";
import { cacheLifetime, cachePolicy, looksFingerprinted } from "./cache-policy";
import { KiB } from "./format";

describe("cache helpers", () => {
  it("reads max-age, no-cache, no-store and Expires", () => {
    expect(cacheLifetime({ "cache-control": "public, max-age=31536000, immutable" }).ttl).toBe(31536000);
    expect(cacheLifetime({ "cache-control": "no-cache" }).ttl).toBe(0);
    expect(cacheLifetime({ "cache-control": "private, no-store" }).noStore).toBe(true);
    expect(cacheLifetime({ expires: "Thu, 01 Jan 2099 00:00:00 GMT", date: "Wed, 01 Jan 2098 00:00:00 GMT" }).ttl).toBe(365 * 86400);
    expect(cacheLifetime({ expires: "0" }).ttl).toBe(0);
    expect(cacheLifetime({ etag: '"abc"' }).ttl).toBeNull();
  });
  it("recognises fingerprinted file names", () => {
    expect(looksFingerprinted("https://x.com/assets/main.3f9a2c1b.js")).toBe(true);
    expect(looksFingerprinted("https://x.com/assets/index-BxY1_2kL.css")).toBe(true);
    expect(looksFingerprinted("https://x.com/style.css?v=20240101")).toBe(true);
    expect(looksFingerprinted("https://x.com/js/app-component.js")).toBe(false);
    expect(looksFingerprinted("https://x.com/js/bundle2023.js")).toBe(false);
    expect(looksFingerprinted("https://x.com/img/logo.png")).toBe(false);
  });
});

describe("perf-cache-policy", () => {
  it("flags first-party static assets with no policy and fingerprinted ones cached under a day", () => {
    const page = makePage({
      requests: [
        makeRequest("https://example.com/logo.png", { resourceType: "image", responseHeaders: {}, transferBytes: 30 * KiB }),
        makeRequest("https://example.com/assets/main.3f9a2c1b.js", { responseHeaders: { "cache-control": "max-age=600" } }),
        makeRequest("https://example.com/assets/ok.3f9a2c1b.js", { responseHeaders: { "cache-control": "public, max-age=31536000, immutable" } }),
        makeRequest("https://example.com/plain.js", { responseHeaders: { "cache-control": "max-age=600" } }),
        makeRequest("https://example.com/private.js", { responseHeaders: { "cache-control": "no-store" } }),
        makeRequest("https://tracker.other.net/t.js", { thirdParty: true, responseHeaders: {} }),
      ],
    });
    const r = failures(cachePolicy, makeContext([page]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ key: "example.com", siteWide: true, severity: "low" });
    expect(r[0].evidence).toContain("no cache policy");
    expect(r[0].evidence).toContain("logo.png");
    expect(r[0].evidence).toContain("main.3f9a2c1b.js");
    for (const ok of ["ok.3f9a2c1b.js", "plain.js", "private.js", "t.js"]) expect(r[0].evidence).not.toContain(ok);
  });
  it("passes well-cached assets and is n/a without static first-party requests", () => {
    const good = makePage({ requests: [makeRequest("https://example.com/a.js", { responseHeaders: { "cache-control": "max-age=86400" } })] });
    expect(failures(cachePolicy, makeContext([good]))).toEqual([]);
    expect(runCheck(cachePolicy, makeContext([makePage()]))).toBe("n/a");
  });
});
