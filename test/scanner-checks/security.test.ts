// Real scans of the security fixture sites: every security check must fire on its planted defect, and no
// secret may appear unmasked anywhere in the findings.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "@/lib/scanner";
import {
  ACCEPT_SELF_SIGNED,
  SITES,
  byRule,
  chromeWrapper,
  firedRules,
  scanFixture,
  selfSignedCert,
  startFixturePair,
  startHttpsFront,
  type ChromeWrapper,
  type FixturePair,
  type HttpsFront,
} from "./support";

describe("insecure fixture (plain HTTP)", () => {
  let pair: FixturePair;
  let result: ScanResult;

  beforeAll(async () => {
    pair = await startFixturePair(path.join(SITES, "insecure"));
    result = await scanFixture(`${pair.site.origin}/`);
  });
  afterAll(async () => {
    await pair?.close();
  });

  it("fires every header, transport, exposure and CSP check planted in the site", () => {
    expect(firedRules(result, ["security"])).toEqual([
      "clickjacking-protection-missing",
      "cors-permissive",
      "csp-missing",
      "csp-missing-directive",
      "csp-unsafe-eval",
      "csp-unsafe-inline",
      "csp-wildcard-source",
      "env-file-exposed",
      "exposed-secret",
      "git-config-exposed",
      "password-form-insecure",
      "permissions-policy-missing",
      "plain-http",
      "referrer-policy-missing",
      "referrer-policy-unsafe",
      "security-txt-missing",
      "server-version-disclosure",
      "source-map-public",
      "sri-missing",
      "x-content-type-options-missing",
    ]);
  });

  it("reports site-wide header problems once, listing the pages", () => {
    const [noSniff] = byRule(result, "x-content-type-options-missing");
    expect(byRule(result, "x-content-type-options-missing")).toHaveLength(1);
    expect(noSniff.urls.length).toBe(result.pages.length);
    expect(byRule(result, "server-version-disclosure").map((f) => f.title).sort()).toEqual([
      "Software version disclosed in the server header",
      "Software version disclosed in the x-aspnet-version header",
      "Software version disclosed in the x-powered-by header",
    ]);
    expect(byRule(result, "csp-missing").map((f) => f.title).sort()).toEqual(["Content-Security-Policy is report-only", "No Content-Security-Policy"]);
  });

  it("finds each planted secret where it was exposed, with severities by type", () => {
    const secrets = byRule(result, "exposed-secret").map((f) => `${f.severity} ${f.title}`).sort();
    expect(secrets).toEqual([
      "critical GitHub token exposed in JavaScript",
      "critical OpenAI API key exposed in a source map",
      "critical Stripe live secret key exposed in JavaScript",
      "high AWS access key ID exposed in the page",
    ]);
    expect(byRule(result, "cors-permissive")[0].severity).toBe("high");
    expect(byRule(result, "git-config-exposed")[0].severity).toBe("critical");
    expect(byRule(result, "env-file-exposed")[0].severity).toBe("critical");
  });

  it("never puts a full secret into findings", () => {
    const text = JSON.stringify(result.findings);
    for (const [name, value] of Object.entries(pair.secrets)) expect(text.includes(value), name).toBe(false);
    expect(text).not.toContain("correct-horse-battery-staple");
  });
});

describe("HTTPS fixture (self-signed certificate accepted, expiring in 10 days)", () => {
  let pair: FixturePair;
  let front: HttpsFront;
  let chrome: ChromeWrapper;
  let result: ScanResult;

  beforeAll(async () => {
    pair = await startFixturePair(path.join(SITES, "insecure/_https"));
    front = await startHttpsFront(pair.site, selfSignedCert(10), "127.0.0.1");
    chrome = chromeWrapper([ACCEPT_SELF_SIGNED]);
    result = await scanFixture(`${front.origin}/`, { chromePath: chrome.path });
  });
  afterAll(async () => {
    chrome?.cleanup();
    await front?.close();
    await pair?.close();
  });

  it("fires the HTTPS-only checks: HSTS, mixed content, password posted to HTTP, certificate expiry", () => {
    const fired = firedRules(result, ["security"]);
    for (const rule of ["hsts-missing", "hsts-weak", "mixed-content", "password-form-insecure", "tls-certificate-expiring"]) {
      expect(fired, rule).toContain(rule);
    }
    expect(fired).not.toContain("plain-http");
    expect(byRule(result, "hsts-weak").map((f) => f.title).sort()).toEqual([
      "Strict-Transport-Security max-age is shorter than 6 months",
      "Strict-Transport-Security without includeSubDomains",
    ]);
    expect(byRule(result, "tls-certificate-expiring")[0].severity).toBe("medium");
  });

  it("flags the session cookie sent without Secure on HTTPS as high", () => {
    const [f] = byRule(result, "cookie-missing-secure");
    expect(f).toMatchObject({ severity: "high", title: "Cookie sessionid is missing Secure" });
  });
});
