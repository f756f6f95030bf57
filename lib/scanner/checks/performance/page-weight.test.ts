import { describe, expect, it } from "vitest";
import { failures, makeContext, makePage, makeRequest } from "../shared/test-artifacts";
import { KiB, MiB } from "./format";
import { bytesByType, pageWeight, redirectChain, requestCount } from "./page-weight";

describe("perf-page-weight", () => {
  it("fires low above 1.6 MB and medium above 4 MB, listing the largest resources", () => {
    const big = makeRequest("https://example.com/hero.jpg", { resourceType: "image", transferBytes: 2 * MiB });
    const low = failures(pageWeight, makeContext([makePage({ requests: [big], performance: { totalBytes: 2 * MiB, bytesByType: { image: 2 * MiB } } })]));
    expect(low).toHaveLength(1);
    expect(low[0].severity).toBe("low");
    expect(low[0].evidence).toContain("https://example.com/hero.jpg");
    const medium = failures(pageWeight, makeContext([makePage({ performance: { totalBytes: 5 * MiB } })]));
    expect(medium[0].severity).toBe("medium");
  });
  it("passes a light page", () => {
    expect(failures(pageWeight, makeContext([makePage({ performance: { totalBytes: 900 * KiB } })]))).toEqual([]);
  });
});

describe("perf-bytes-by-type", () => {
  it("flags oversized JavaScript (keyed by type) and leaves small CSS alone", () => {
    const page = makePage({
      requests: [makeRequest("https://example.com/app.js", { transferBytes: 1.2 * MiB })],
      performance: { bytesByType: { script: 1.2 * MiB, stylesheet: 30 * KiB, font: 100 * KiB } },
    });
    const r = failures(bytesByType, makeContext([page]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ key: "script", severity: "medium" });
    expect(r[0].title).toMatch(/JavaScript payload is 1\.2 MB/);
    expect(r[0].evidence).toContain("app.js");
  });
  it("passes within budget", () => {
    expect(failures(bytesByType, makeContext([makePage({ performance: { bytesByType: { script: 200 * KiB } } })]))).toEqual([]);
  });
});

describe("perf-request-count", () => {
  it("fires above 150 requests with a per-host breakdown", () => {
    const requests = Array.from({ length: 160 }, (_, i) => makeRequest(`https://cdn.example.net/i${i}.png`, { resourceType: "image" }));
    const r = failures(requestCount, makeContext([makePage({ requests, performance: { requestCount: 160 } })]));
    expect(r).toHaveLength(1);
    expect(r[0].evidence).toContain("160  cdn.example.net");
    expect(failures(requestCount, makeContext([makePage({ performance: { requestCount: 60 } })]))).toEqual([]);
  });
});

describe("perf-redirect-chain", () => {
  it("fires on two or more redirects, not on a single http->https hop", () => {
    const two = makePage({
      url: "http://example.com/a",
      finalUrl: "https://www.example.com/a/",
      redirects: [
        { url: "http://example.com/a", status: 301, location: "https://example.com/a" },
        { url: "https://example.com/a", status: 301, location: "https://www.example.com/a/" },
      ],
    });
    expect(failures(redirectChain, makeContext([two]))).toHaveLength(1);
    const one = makePage({ url: "http://example.com/", finalUrl: "https://example.com/", redirects: [{ url: "http://example.com/", status: 301, location: "https://example.com/" }] });
    expect(failures(redirectChain, makeContext([one]))).toEqual([]);
  });
});
