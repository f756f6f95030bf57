import { describe, expect, it } from "vitest";
import { failures, makeContext, makeCookie, makePage, runCheck } from "../shared/test-artifacts";
import {
  MAX_LIFETIME_DAYS,
  cookieBeforeConsent,
  cookieChecks,
  cookieLongLifetime,
  cookieMissingHttpOnly,
  cookieMissingSecure,
  cookieSameSiteMissing,
  thirdPartyCookie,
} from "./checks";
import { isSessionLike } from "./classify";

const now = () => Math.floor(Date.now() / 1000);
const page = (cookies: ReturnType<typeof makeCookie>[], url = "https://example.com/") => makePage({ url, cookies });

describe("cookie classification", () => {
  it("recognises session-like names and leaves others alone", () => {
    for (const n of ["PHPSESSID", "JSESSIONID", "connect.sid", "_myapp_session", "session", "sid", "auth_token", "next-auth.session-token", "sb-access-token", "remember_me", "laravel_session", "__Host-session"]) {
      expect(isSessionLike({ name: n }), n).toBe(true);
    }
    for (const n of ["_ga", "_hjSessionUser_1", "csrftoken", "XSRF-TOKEN", "theme", "lang", "cookie_consent", "_gid", "consider", "tokenizer_pref"]) {
      expect(isSessionLike({ name: n }), n).toBe(false);
    }
  });
});

describe("cookie checks on well-configured cookies", () => {
  it("raise nothing", () => {
    const ctx = makeContext([page([makeCookie("session", { expires: now() + 7 * 86400 }), makeCookie("theme", { httpOnly: false })])]);
    for (const c of cookieChecks) expect(failures(c, ctx), c.rule).toEqual([]);
  });

  it("are n/a when the site sets no cookies", () => {
    for (const c of cookieChecks) expect(runCheck(c, makeContext([page([])])), c.rule).toBe("n/a");
  });
});

describe("cookie-missing-secure", () => {
  it("session cookie without Secure on https is high; other cookies low; one result per cookie across pages", () => {
    const sess = makeCookie("sessionid", { secure: false });
    const pref = makeCookie("pref", { secure: false, httpOnly: false });
    const r = failures(cookieMissingSecure, makeContext([page([sess, pref]), page([sess, pref], "https://example.com/b")]));
    expect(r.map((x) => `${x.key}:${x.severity}`).sort()).toEqual(["pref@example.com:low", "sessionid@example.com:high"]);
    expect(r.every((x) => x.siteWide)).toBe(true);
  });

  it("SameSite=None without Secure fires even on http; plain http otherwise doesn't", () => {
    const none = makeCookie("widget", { secure: false, sameSite: "None", httpOnly: false, blocked: true });
    expect(failures(cookieMissingSecure, makeContext([page([none], "http://example.com/")]))[0].severity).toBe("medium");
    expect(failures(cookieMissingSecure, makeContext([page([makeCookie("sid", { secure: false })], "http://example.com/")]))).toEqual([]);
  });
});

describe("cookie-missing-httponly / samesite", () => {
  it("flags session cookies readable by JS, not preference or CSRF cookies", () => {
    const ctx = makeContext([page([makeCookie("PHPSESSID", { httpOnly: false }), makeCookie("XSRF-TOKEN", { httpOnly: false }), makeCookie("theme", { httpOnly: false })])]);
    expect(failures(cookieMissingHttpOnly, ctx).map((r) => r.key)).toEqual(["PHPSESSID@example.com"]);
  });

  it("flags a session cookie without explicit SameSite (low)", () => {
    const ctx = makeContext([page([makeCookie("sid", { sameSite: undefined }), makeCookie("pref", { sameSite: undefined })])]);
    const r = failures(cookieSameSiteMissing, ctx);
    expect(r.map((x) => `${x.key}:${x.severity}`)).toEqual(["sid@example.com:low"]);
  });
});

describe("cookie-long-lifetime", () => {
  it(`flags cookies living more than ${MAX_LIFETIME_DAYS} days`, () => {
    const ctx = makeContext([page([makeCookie("_ga", { expires: now() + 400 * 86400, httpOnly: false }), makeCookie("sid", { expires: now() + 30 * 86400 }), makeCookie("tmp")])]);
    expect(failures(cookieLongLifetime, ctx).map((r) => r.key)).toEqual(["_ga@example.com"]);
  });
});

describe("third-party-cookie", () => {
  it("groups by third-party domain; tracker domains are medium", () => {
    const ctx = makeContext([
      page([
        makeCookie("IDE", { domain: ".doubleclick.net", thirdParty: true, sameSite: "None" }),
        makeCookie("test_cookie", { domain: ".doubleclick.net", thirdParty: true, sameSite: "None" }),
        makeCookie("pref", { domain: "widgets.example.org", thirdParty: true }),
      ]),
    ]);
    const r = failures(thirdPartyCookie, ctx);
    expect(r.map((x) => `${x.key}:${x.severity}`).sort()).toEqual(["doubleclick.net:medium", "widgets.example.org:low"]);
    expect(r.find((x) => x.key === "doubleclick.net")?.description).toContain("IDE, test_cookie");
  });
});

describe("cookie-before-consent", () => {
  it("flags known tracking cookies set before consent, not essential ones", () => {
    const ctx = makeContext([page([makeCookie("_ga", { httpOnly: false }), makeCookie("_fbp", { httpOnly: false }), makeCookie("session"), makeCookie("intercom-id-abc", { httpOnly: false })])]);
    expect(failures(cookieBeforeConsent, ctx).map((r) => r.key).sort()).toEqual(["_fbp@example.com", "_ga@example.com"]);
  });

  it("does not flag cookies set after consent or blocked by the browser", () => {
    const ctx = makeContext([page([makeCookie("_ga", { setBeforeConsent: false }), makeCookie("_gcl_au", { blocked: true })])]);
    expect(failures(cookieBeforeConsent, ctx)).toEqual([]);
  });
});
