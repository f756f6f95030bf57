// plumb scan --consent: parsing, and the before/after block of the human summary (pure, no browser; the real
// consent scan is test/scanner-checks/consent.test.ts).
import { describe, expect, it } from "vitest";
import { parseScanArgs, renderHuman } from "@/lib/cli/scan";
import { renderJson } from "@/lib/scanner/output/json";
import type { ScanResult } from "@/lib/scanner/types";

const result: ScanResult = {
  target: "https://shop.test/",
  started_at: "2026-01-01T00:00:00.000Z",
  finished_at: "2026-01-01T00:00:10.000Z",
  pages: [{ url: "https://shop.test/", status: 200 }],
  scores: { privacy: 40 },
  score: 40,
  grade: "F",
  findings: [],
  checks: [],
  timings: { totalMs: 10_000, consentMs: 4_000 },
  consent: {
    ms: 4_000,
    pages: [
      {
        url: "https://shop.test/",
        cmp: "Onetrust",
        before: { cookies: [{ name: "_fbp", domain: ".shop.test", thirdParty: false }], hosts: [{ host: "shop.test", thirdParty: false, requests: 4 }, { host: "connect.facebook.net", thirdParty: true, requests: 1 }] },
        accept: { done: true, via: "autoconsent", added: { cookies: [], hosts: [{ host: "static.hotjar.com", thirdParty: true, requests: 1 }] } },
        reject: { done: true, offered: true, added: { cookies: [{ name: "_ga", domain: ".shop.test", thirdParty: false }], hosts: [] } },
      },
      { url: "https://shop.test/about", cmp: null, before: { cookies: [], hosts: [] }, accept: { done: false, added: { cookies: [], hosts: [] } }, reject: null },
    ],
  },
};

describe("plumb scan --consent", () => {
  it("is off unless asked for", () => {
    expect(parseScanArgs(["shop.test"])).toMatchObject({ consent: false });
    expect(parseScanArgs(["shop.test", "--consent"])).toMatchObject({ consent: true });
  });

  it("prints what ran before any choice, only after Accept and after Reject", () => {
    const text = renderHuman(result);
    expect(text).toContain("Before and after consent (4.0 s of extra loads):");
    expect(text).toContain("https://shop.test/ — banner: Onetrust");
    expect(text).toContain("before any choice: hosts connect.facebook.net; cookies _fbp");
    expect(text).toContain("only after Accept: hosts static.hotjar.com");
    expect(text).toContain("after Reject:      cookies _ga");
    expect(text).toContain("https://shop.test/about — no consent banner found");
  });

  it("puts the report in --json", () => {
    expect(JSON.parse(renderJson(result)).consent.pages[0].reject.added.cookies[0].name).toBe("_ga");
  });
});
