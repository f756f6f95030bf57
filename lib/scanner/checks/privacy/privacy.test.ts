import { describe, expect, it } from "vitest";
import { failures, makeContext, makeCookie, makePage, makeProbe, makeRequest, runCheck } from "../shared/test-artifacts";
import { canvasFingerprinting, deviceFingerprinting, keyLogging, sessionRecording } from "./behaviour";
import { consentMissing, privacyPolicyMissing, trackingBeforeConsent } from "./consent";
import { checks } from "./index";
import { gpcUnsupported, referrerLeak } from "./leaks";

const ga = makeRequest("https://www.google-analytics.com/g/collect", { thirdParty: true, resourceType: "xhr" });
const banner = { selector: "#cookie-banner", text: "We use cookies. Accept / Reject" };
const TP = "https://tracker.thirdparty.example/fp.js";

describe("privacy checks on a clean page", () => {
  it("raise nothing and mostly don't apply", () => {
    const ctx = makeContext([makePage(), makePage({ url: "https://example.com/b" })]);
    for (const c of checks) expect(failures(c, ctx), c.rule).toEqual([]);
  });
});

describe("privacy-policy-missing", () => {
  it("medium when data is collected, low otherwise; a footer link counts", () => {
    const noLink = makePage({ dom: { privacyLinks: [] } });
    expect(failures(privacyPolicyMissing, makeContext([noLink]))[0].severity).toBe("low");
    const withForm = makePage({ dom: { privacyLinks: [], forms: [{ action: "https://example.com/contact", method: "post", hasPassword: false, selector: "form#contact" }] } });
    expect(failures(privacyPolicyMissing, makeContext([withForm]))[0].severity).toBe("medium");
    const link = makePage({ dom: { privacyLinks: [], links: [{ href: "https://example.com/legal/datenschutz", text: "Datenschutz", sameOrigin: true }] } });
    expect(failures(privacyPolicyMissing, makeContext([link]))).toEqual([]);
  });
});

describe("consent", () => {
  it("trackers with no banner anywhere: consent-missing (high)", () => {
    const r = failures(consentMissing, makeContext([makePage({ requests: [ga] })]));
    expect(r[0]).toMatchObject({ severity: "high", key: "consent" });
    expect(runCheck(trackingBeforeConsent, makeContext([makePage({ requests: [ga] })]))).toBe("n/a");
  });

  it("tracking cookies alone count too", () => {
    expect(failures(consentMissing, makeContext([makePage({ cookies: [makeCookie("_fbp", { httpOnly: false })] })]))).toHaveLength(1);
  });

  it("banner present but trackers already running: tracking-before-consent (medium)", () => {
    const ctx = makeContext([makePage({ requests: [ga], dom: { consentBanner: banner } })]);
    expect(failures(consentMissing, ctx)).toEqual([]);
    expect(failures(trackingBeforeConsent, ctx)[0].severity).toBe("medium");
  });

  it("cookieless analytics, tag managers and chat widgets alone need no consent", () => {
    const page = makePage({
      requests: [
        makeRequest("https://plausible.io/js/script.js", { thirdParty: true }),
        makeRequest("https://www.googletagmanager.com/gtm.js", { thirdParty: true }),
        makeRequest("https://widget.intercom.io/widget/x", { thirdParty: true }),
      ],
    });
    expect(runCheck(consentMissing, makeContext([page]))).toBe("n/a");
  });
});

describe("canvas-fingerprinting", () => {
  it("fires on a third-party canvas read", () => {
    const page = makePage({ behaviour: { canvasReads: [{ method: "toDataURL", script: `${TP}?v=1` }] } });
    const [r] = failures(canvasFingerprinting, makeContext([page]));
    expect(r).toMatchObject({ severity: "high", key: "tracker.thirdparty.example" });
  });

  it("fires on a first-party read combined with fingerprint APIs, not on a plain first-party read or emoji detection", () => {
    const own = "https://example.com/js/fp.js";
    const fp = makePage({
      behaviour: {
        canvasReads: [{ method: "getImageData", script: own }],
        fingerprintApis: ["navigator.plugins", "navigator.hardwareConcurrency", "screen.colorDepth"].map((api) => ({ api, script: own })),
      },
    });
    expect(failures(canvasFingerprinting, makeContext([fp]))).toHaveLength(1);
    const editor = makePage({ behaviour: { canvasReads: [{ method: "toDataURL", script: "https://example.com/js/editor.js" }] } });
    expect(failures(canvasFingerprinting, makeContext([editor]))).toEqual([]);
    const emoji = makePage({ behaviour: { canvasReads: [{ method: "toDataURL", script: "https://s.w.org/wp-includes/js/wp-emoji-release.min.js" }] } });
    expect(failures(canvasFingerprinting, makeContext([emoji]))).toEqual([]);
  });
});

describe("browser-fingerprinting", () => {
  it("fires when a third-party script reads many device properties, not for a couple", () => {
    const apis = ["navigator.plugins", "navigator.hardwareConcurrency", "navigator.deviceMemory", "screen.colorDepth", "navigator.languages", "navigator.webdriver"];
    const many = makePage({ behaviour: { fingerprintApis: apis.map((api) => ({ api, script: TP })) } });
    expect(failures(deviceFingerprinting, makeContext([many]))[0].severity).toBe("medium");
    const few = makePage({ behaviour: { fingerprintApis: apis.slice(0, 2).map((api) => ({ api, script: TP })) } });
    expect(failures(deviceFingerprinting, makeContext([few]))).toEqual([]);
  });
});

describe("key-logging", () => {
  it("high when the listening third party receives data after typing", () => {
    const page = makePage({
      behaviour: {
        keyListeners: [{ type: "keydown", target: "document", script: "https://cdn.keylog.example/k.js" }],
        exfiltrationAfterTyping: [{ url: "https://collect.keylog.example/k?x=1", bytes: 120 }],
      },
    });
    expect(failures(keyLogging, makeContext([page]))[0]).toMatchObject({ severity: "high", key: "collect.keylog.example" });
  });

  it("low for another third party without the typed text; nothing for first-party autocomplete", () => {
    const other = makePage({ behaviour: { exfiltrationAfterTyping: [{ url: "https://api.search-vendor.example/q", bytes: 40 }] } });
    expect(failures(keyLogging, makeContext([other]))[0]).toMatchObject({ severity: "low", title: "Requests to api.search-vendor.example while the visitor types" });
    const own = makePage({ behaviour: { exfiltrationAfterTyping: [{ url: "https://example.com/api/suggest?q=a", bytes: 40 }] } });
    expect(failures(keyLogging, makeContext([own]))).toEqual([]);
  });
});

describe("session-recording", () => {
  it("fires from window globals or session-replay requests, one key per tool", () => {
    const globals = makePage({ behaviour: { sessionReplayGlobals: ["hj", "hjSiteSettings"] } });
    const viaRequest = makePage({ url: "https://example.com/b", requests: [makeRequest("https://static.hotjar.com/c/hotjar-1.js", { thirdParty: true })] });
    const r = failures(sessionRecording, makeContext([globals, viaRequest]));
    expect(new Set(r.map((x) => x.key))).toEqual(new Set(["Hotjar"]));
    expect(r.map((x) => x.url)).toEqual(["https://example.com/", "https://example.com/b"]);
  });
});

describe("referrer-leak", () => {
  it("fires when a third party receives our path and query in Referer", () => {
    const page = makePage({
      url: "https://example.com/search?q=cancer+treatment",
      requests: [makeRequest("https://ads.vendor.example/px", { thirdParty: true, requestHeaders: { referer: "https://example.com/search?q=cancer+treatment" } })],
    });
    expect(failures(referrerLeak, makeContext([page]))[0].severity).toBe("medium");
  });

  it("fires on an unsafe policy with third parties; quiet with origin-only referers", () => {
    const unsafe = makePage({ responseHeaders: { "content-type": "text/html", "referrer-policy": "unsafe-url" }, requests: [makeRequest("https://cdn.vendor.example/a.js", { thirdParty: true })] });
    expect(failures(referrerLeak, makeContext([unsafe]))).toHaveLength(1);
    const fine = makePage({ url: "https://example.com/a/b?c=1", requests: [makeRequest("https://cdn.vendor.example/a.js", { thirdParty: true, requestHeaders: { referer: "https://example.com/" } })] });
    expect(failures(referrerLeak, makeContext([fine]))).toEqual([]);
    expect(runCheck(referrerLeak, makeContext([makePage()]))).toBe("n/a");
  });
});

describe("gpc-unsupported", () => {
  it("low when trackers need consent and gpc.json is absent; info when GPC is read; pass with gpc.json", () => {
    expect(failures(gpcUnsupported, makeContext([makePage({ requests: [ga] })]))[0].severity).toBe("low");
    expect(failures(gpcUnsupported, makeContext([makePage({ requests: [ga], behaviour: { gpcRead: true } })]))[0].severity).toBe("info");
    const gpc = makeProbe("https://example.com/.well-known/gpc.json", { status: 200, headers: { "content-type": "application/json" }, body: '{"gpc": true, "lastUpdate": "2026-01-01"}' });
    expect(failures(gpcUnsupported, makeContext([makePage({ requests: [ga] })], { gpcJson: gpc }))).toEqual([]);
    expect(runCheck(gpcUnsupported, makeContext([makePage()]))).toBe("n/a");
  });
});

describe("key-logging with the typing probe's evidence", () => {
  it("high when the request carried the typed text; n/a when the probe could not type", () => {
    const typed = makePage({ behaviour: { typingProbeRan: true, exfiltrationAfterTyping: [{ url: "https://api.vendor.example/c", bytes: 30, thirdParty: true, containsTyped: true }] } });
    expect(failures(keyLogging, makeContext([typed]))[0].severity).toBe("high");
    expect(runCheck(keyLogging, makeContext([makePage({ behaviour: { typingProbeRan: false } })]))).toBe("n/a");
  });
});
