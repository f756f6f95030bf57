// Signed-in scans against a real login site (test/support/login-site.ts): a scripted login run once per
// scan, extra headers sent only to the site, private pages crawled and audited, logout links never fetched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScanError, scanSite } from "@/lib/scanner";
import { cookieHeaderFor } from "@/lib/scanner/auth/login";
import { loginScriptSchema, toLoginScript } from "@/lib/scanner/auth/login-script";
import { HEADER_TOKEN, LOGIN_PASSWORD, LOGIN_USER, startLoginSite, type LoginSite } from "@/test/support/login-site";

const script = (origin: string, password = LOGIN_PASSWORD) =>
  toLoginScript(
    loginScriptSchema.parse({
      url: `${origin}/login`,
      username: LOGIN_USER,
      password,
      username_selector: "#email",
      password_selector: "#password",
      submit_selector: "#sign-in",
      success_selector: "#signed-in",
    }),
  );

describe("login script format", () => {
  it("needs a success check and http(s) URLs", () => {
    const base = { url: "https://h.test/login", username: "u", password: "p", username_selector: "#u", password_selector: "#p" };
    expect(loginScriptSchema.safeParse(base).success).toBe(false);
    expect(loginScriptSchema.safeParse({ ...base, success_url: "/account" }).success).toBe(true);
    expect(loginScriptSchema.safeParse({ ...base, url: "javascript:alert(1)", success_url: "/a" }).success).toBe(false);
    expect(loginScriptSchema.safeParse({ ...base, success_url: "/a", extra: 1 }).success).toBe(false);
  });
  it("builds the crawl's Cookie header from matching session cookies only", () => {
    const cookies = [
      { name: "sid", value: "1", domain: "h.test", path: "/" },
      { name: "admin", value: "2", domain: "h.test", path: "/admin" },
      { name: "other", value: "3", domain: "other.test", path: "/" },
    ];
    expect(cookieHeaderFor("https://h.test/account", cookies)).toBe("sid=1");
    expect(cookieHeaderFor("https://h.test/admin/x", cookies, [{ name: "extra", value: "4" }])).toBe("sid=1; admin=2; extra=4");
  });
});

describe("signed-in scans (real browser)", () => {
  let site: LoginSite;
  beforeAll(async () => {
    site = await startLoginSite();
  });
  afterAll(async () => site?.close());

  it("signs in once, scans the private pages and never follows logout links", async () => {
    const result = await scanSite({ url: `${site.origin}/`, allowPrivate: true, maxPages: 10, pillars: ["seo"], login: script(site.origin) });
    const paths = result.pages.map((p) => new URL(p.url).pathname);
    expect(paths).toEqual(expect.arrayContaining(["/account", "/account/orders", "/account/settings"]));
    for (const p of result.pages.filter((x) => x.url.includes("/account"))) expect(p.status).toBe(200);
    // The browser loaded the private pages signed in (not redirected to /login).
    expect(result.pages.find((p) => p.url.endsWith("/account/orders"))?.title).toMatch(/Your orders/);
    expect(site.logins).toBe(1);
    expect(site.logoutHits).toBe(0);
    const skippedLogout = (result.skipped_pages ?? []).filter((s) => /logout link/.test(s.reason)).map((s) => new URL(s.url).pathname + new URL(s.url).search);
    expect(skippedLogout.sort()).toEqual(["/logout", "/logout?next=%2F", "/session/end"]);
    expect(result.timings.loginMs).toBeGreaterThan(0);
  }, 180_000);

  it("fails with a clear error when the password is wrong", async () => {
    const err = await scanSite({ url: `${site.origin}/`, allowPrivate: true, maxPages: 2, pillars: ["seo"], login: script(site.origin, "wrong password!") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanError);
    expect((err as ScanError).code).toBe("login");
    expect((err as ScanError).message).toMatch(/#signed-in/);
    expect((err as ScanError).message).not.toContain("wrong password!");
  }, 120_000);

  it("refuses a login page on another host", async () => {
    const other = { ...script(site.origin), url: "http://localhost:1/login" };
    await expect(scanSite({ url: `${site.origin}/`, allowPrivate: true, maxPages: 1, login: other })).rejects.toMatchObject({ code: "invalid_url" });
  });

  it("sends extra headers to the site (crawl and browser) and reaches pages behind them", async () => {
    const before = site.privateHits.length;
    const result = await scanSite({ url: `${site.origin}/account`, allowPrivate: true, maxPages: 5, pillars: ["seo"], headers: { "X-Fixture-Token": HEADER_TOKEN } });
    const loaded = result.pages.filter((p) => p.status === 200).map((p) => new URL(p.url).pathname);
    expect(loaded).toEqual(expect.arrayContaining(["/account", "/account/orders", "/account/settings"]));
    expect(result.pages.find((p) => p.url.endsWith("/account/settings"))?.title).toMatch(/Settings/);
    expect(site.privateHits.length - before).toBeGreaterThanOrEqual(6); // crawl fetches + browser loads
    expect(site.logoutHits).toBe(0);
  }, 180_000);

  it("uses given cookies", async () => {
    // Sign in by hand, then pass the session cookie as the CLI's --cookie would.
    const res = await fetch(`${site.origin}/login`, { method: "POST", body: new URLSearchParams({ email: LOGIN_USER, password: LOGIN_PASSWORD }), redirect: "manual" });
    const sid = /sid=([a-f0-9]+)/.exec(res.headers.get("set-cookie") ?? "")![1];
    const result = await scanSite({ url: `${site.origin}/account`, allowPrivate: true, maxPages: 3, pillars: ["seo"], cookies: [{ name: "sid", value: sid }] });
    expect(result.pages.find((p) => new URL(p.url).pathname === "/account")?.title).toMatch(/Your account/);
    expect(result.pages.filter((p) => p.status === 200).length).toBe(3);
    expect(site.logoutHits).toBe(0);
  }, 180_000);
});
