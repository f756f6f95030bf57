import { describe, expect, it } from "vitest";
import { failures, makeContext, makePage, makeRequest } from "../shared/test-artifacts";
import { KiB } from "./format";
import { isUncompressedText, textCompression } from "./text-compression";

const js = (url: string, headers: Record<string, string>, bytes = 50 * KiB, extra = {}) =>
  makeRequest(url, { mimeType: "application/javascript", responseHeaders: headers, bodyBytes: bytes, transferBytes: bytes + 200, ...extra });

describe("perf-text-compression", () => {
  it("groups uncompressed text responses per host (site-wide key), medium past 20 KB", () => {
    const page = makePage({
      requests: [
        js("https://example.com/app.js", {}),
        makeRequest("https://example.com/site.css", { resourceType: "stylesheet", mimeType: "text/css", bodyBytes: 8 * KiB, transferBytes: 8 * KiB + 150 }),
        js("https://example.com/gz.js", { "content-encoding": "gzip" }, 50 * KiB, { transferBytes: 12 * KiB }),
      ],
    });
    const r = failures(textCompression, makeContext([page]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ key: "example.com", siteWide: true, severity: "medium" });
    expect(r[0].evidence).toContain("app.js");
    expect(r[0].evidence).toContain("site.css");
    expect(r[0].evidence).not.toContain("gz.js");
  });

  it("ignores small bodies, images, cache hits, errors, and bodies whose wire size shows compression", () => {
    expect(isUncompressedText(js("https://example.com/tiny.js", {}, 1000))).toBe(false);
    expect(isUncompressedText(makeRequest("https://example.com/a.png", { resourceType: "image", mimeType: "image/png", bodyBytes: 90 * KiB, transferBytes: 90 * KiB }))).toBe(false);
    expect(isUncompressedText(js("https://example.com/c.js", {}, 50 * KiB, { fromCache: true }))).toBe(false);
    expect(isUncompressedText(js("https://example.com/e.js", {}, 50 * KiB, { status: 404 }))).toBe(false);
    expect(isUncompressedText(js("https://example.com/br.js", {}, 50 * KiB, { transferBytes: 10 * KiB }))).toBe(false);
    expect(isUncompressedText(makeRequest("https://example.com/i.svg", { resourceType: "image", mimeType: "image/svg+xml", bodyBytes: 5 * KiB, transferBytes: 5 * KiB }))).toBe(true);
  });

  it("rates a third party's uncompressed files low and says to ask the provider", () => {
    const page = makePage({ requests: [js("https://cdn.other.net/lib.js", {}, 200 * KiB, { thirdParty: true })] });
    const r = failures(textCompression, makeContext([page]));
    expect(r[0]).toMatchObject({ severity: "low", key: "cdn.other.net" });
    expect(r[0].fix).toContain("provider");
  });
});
