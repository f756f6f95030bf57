import { describe, expect, it } from "vitest";
import { consentReport } from "../../consent-report";
import type { ConsentSnapshot, ConsentVariant } from "../../types";
import { failures, makeContext, makePage, makeRequest, runCheck } from "../shared/test-artifacts";
import { trackingBeforeConsent } from "./consent";
import { rejectUnavailable, trackingDespiteReject } from "./consent-choice";

const EMPTY: ConsentSnapshot = { cookies: [], hosts: [] };
const site = { host: "example.com", thirdParty: false, requests: 3 };
const ga = { host: "www.google-analytics.com", thirdParty: true, requests: 2 };
const cdn = { host: "cdn.jsdelivr.net", thirdParty: true, requests: 1 };

function variant(action: ConsentVariant["action"], overrides: Partial<ConsentVariant> = {}): ConsentVariant {
  return { action, cmp: "Onetrust", popupFound: true, done: true, via: "autoconsent", before: { cookies: [], hosts: [site] }, after: { cookies: [], hosts: [site] }, ms: 100, ...overrides };
}

describe("tracking-despite-reject", () => {
  it("does not apply without consent loads or when rejecting failed", () => {
    expect(runCheck(trackingDespiteReject, makeContext([makePage()]))).toBe("n/a");
    const failed = makePage({ consent: { accept: variant("accept"), reject: variant("reject", { done: false, after: { cookies: [], hosts: [site, ga] } }) } });
    expect(runCheck(trackingDespiteReject, makeContext([failed]))).toBe("n/a");
  });

  it("reports trackers and tracking or third-party cookies that appear after Reject, not first-party or untracked hosts", () => {
    const after: ConsentSnapshot = {
      hosts: [site, ga, cdn],
      cookies: [
        { name: "_ga", domain: ".example.com", thirdParty: false },
        { name: "theme", domain: "example.com", thirdParty: false },
        { name: "uid", domain: ".adnet.example", thirdParty: true },
      ],
    };
    const ctx = makeContext([makePage({ consent: { accept: variant("accept"), reject: variant("reject", { after }) } })]);
    const found = failures(trackingDespiteReject, ctx);
    expect(found.map((f) => f.key).sort()).toEqual(["cookie:_ga@example.com", "cookie:uid@adnet.example", "host:Google Analytics"]);
    expect(found.every((f) => f.severity === "critical" && f.siteWide)).toBe(true);
  });

  it("ignores what was already there before the choice (tracking-before-consent's finding)", () => {
    const before: ConsentSnapshot = { hosts: [site, ga], cookies: [{ name: "_ga", domain: ".example.com", thirdParty: false }] };
    const ctx = makeContext([makePage({ consent: { accept: variant("accept"), reject: variant("reject", { before, after: before }) } })]);
    expect(failures(trackingDespiteReject, ctx)).toEqual([]);
  });
});

describe("consent-reject-unavailable", () => {
  it("fires when a banner could be accepted but not rejected", () => {
    const ctx = makeContext([makePage({ consent: { accept: variant("accept", { cmp: "HEURISTIC-TIER2" }), reject: variant("reject", { cmp: null, popupFound: false, done: false }) } })]);
    const [f] = failures(rejectUnavailable, ctx);
    expect(f.evidence).toContain("no reject option found");
  });

  it("passes when Reject worked, does not apply without a banner", () => {
    expect(failures(rejectUnavailable, makeContext([makePage({ consent: { accept: variant("accept"), reject: variant("reject") } })]))).toEqual([]);
    expect(runCheck(rejectUnavailable, makeContext([makePage({ consent: { accept: variant("accept", { cmp: null, popupFound: false, done: false }), reject: null } })]))).toBe("n/a");
  });
});

describe("tracking-before-consent with consent loads", () => {
  it("counts a banner autoconsent found even when the DOM heuristics saw none", () => {
    const page = makePage({
      requests: [makeRequest("https://www.google-analytics.com/g/collect", { thirdParty: true, resourceType: "xhr" })],
      consent: { accept: variant("accept", { cmp: "Cybotcookiebot" }), reject: null },
    });
    const [f] = failures(trackingBeforeConsent, makeContext([page]));
    expect(f.description).toContain("Cybotcookiebot");
  });
});

describe("consentReport", () => {
  it("lists the state before any choice and only what each choice added", () => {
    const page = makePage({
      consent: {
        accept: variant("accept", { after: { cookies: [{ name: "_ga", domain: ".example.com", thirdParty: false }], hosts: [site, ga] } }),
        reject: variant("reject", { error: "x" }),
      },
    });
    const report = consentReport([page, makePage({ url: "https://example.com/none" })], 1234);
    expect(report.ms).toBe(1234);
    expect(report.pages).toHaveLength(1);
    expect(report.pages[0].before).toEqual({ cookies: [], hosts: [site] });
    expect(report.pages[0].accept?.added).toEqual({ cookies: [{ name: "_ga", domain: ".example.com", thirdParty: false }], hosts: [ga] });
    expect(report.pages[0].reject).toEqual({ done: true, offered: true, error: "x", added: EMPTY });
  });
});
