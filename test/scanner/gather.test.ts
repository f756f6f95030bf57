// Real Chromium against fixture sites on loopback: one browser for the whole file.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChrome, launchBrowser, type LaunchedBrowser } from "@/lib/scanner/gather/browser";
import { gatherPage } from "@/lib/scanner/gather/page";
import { gatherSite } from "@/lib/scanner/gather/site";
import { startGuardProxy } from "@/lib/net/guard-proxy";
import type { PageArtifacts } from "@/lib/scanner/types";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

const FIXTURES = path.resolve("test/scanner/fixtures");

describe("gather (real browser)", () => {
  let browser: LaunchedBrowser;
  let third: FixtureServer;
  let site: FixtureServer;
  let exposed: FixtureServer;
  let page: PageArtifacts;

  beforeAll(async () => {
    third = await startFixtureServer({ root: path.join(FIXTURES, "third"), host: "127.0.0.2" });
    site = await startFixtureServer({ root: path.join(FIXTURES, "behaviour"), vars: { THIRD_PARTY: third.origin } });
    exposed = await startFixtureServer({ root: path.join(FIXTURES, "exposed") });
    browser = await launchBrowser();
    // One navigation through a redirect fills everything asserted below.
    page = await gatherPage(browser.browser, `${site.origin}/old`, { allowPrivate: true });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([site?.close(), third?.close(), exposed?.close()]);
  });

  it("records the main response, its headers and the redirect chain", () => {
    expect(page.errors).toEqual([]);
    expect(page.status).toBe(200);
    expect(page.finalUrl).toBe(`${site.origin}/`);
    expect(page.redirects).toEqual([{ url: `${site.origin}/old`, status: 301, location: `${site.origin}/` }]);
    expect(page.responseHeaders["x-frame-options"]).toBe("DENY");
    expect(page.responseHeaders["server"]).toBe("fixture/1.0");
    expect(page.responseHeaders["set-cookie"]).toContain("session=abc");
    expect(page.responseHeaders["location"]).toBeUndefined(); // the redirect hop's headers stay on the hop
    expect(page.tls).toBeNull();
  });

  it("records every request with party, initiator, timing, sizes and script bodies", () => {
    const fp = page.requests.find((r) => r.url === `${third.origin}/fp.js`)!;
    expect(fp).toMatchObject({ resourceType: "script", status: 200, thirdParty: true, remoteAddress: "127.0.0.2" });
    expect(fp.transferBytes).toBeGreaterThan(0);
    expect(fp.endTime).toBeGreaterThanOrEqual(fp.startTime);
    expect(fp.body).toContain("AKIAIOSFODNN7EXAMPLE");
    expect(fp.initiatorUrl).toBe(`${site.origin}/`);
    const css = page.requests.find((r) => r.url === `${site.origin}/style.css`)!;
    expect(css).toMatchObject({ thirdParty: false, resourceType: "stylesheet", renderBlocking: true });
    expect(page.requests.filter((r) => r.resourceType === "document")[0].url).toBe(`${site.origin}/old`);
  });

  it("collects cookies with first/third party, attributes, setter and blocked third-party cookies", () => {
    const byName = Object.fromEntries(page.cookies.map((c) => [c.name, c]));
    expect(byName.session).toMatchObject({ httpOnly: true, sameSite: "Lax", thirdParty: false, expires: -1, setBeforeConsent: true });
    expect(byName.tracking.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 86_400);
    expect(byName.app_pref.setBy).toBe(`${site.origin}/app.js`);
    expect(byName.tp_id).toMatchObject({ thirdParty: true, blocked: true, secure: true, sameSite: "None" });
  });

  it("collects DOM facts", () => {
    const d = page.dom;
    expect(d).toMatchObject({ title: "Behaviour fixture", lang: "en", h1Count: 1, canonical: `${site.origin}/`, metaViewport: "width=device-width, initial-scale=1" });
    expect(d.links.find((l) => l.text === "About us")).toMatchObject({ href: `${site.origin}/about`, sameOrigin: true });
    expect(d.links.find((l) => l.text === "Elsewhere")?.sameOrigin).toBe(false);
    expect(d.forms[0]).toMatchObject({ method: "post", hasPassword: true, action: `${site.origin}/login` });
    expect(d.images[0]).toMatchObject({ alt: null, width: 10, height: 10 });
    expect(d.scripts.filter((s) => s.src).map((s) => s.src)).toContain(`${third.origin}/fp.js`);
    expect(d.privacyLinks).toContain("Privacy policy");
    expect(d.html).toContain("<h1>Behaviour</h1>");
  });

  it("runs axe with WCAG tags", () => {
    expect(page.axe?.error).toBeUndefined();
    const ids = page.axe!.violations.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(["image-alt", "button-name"]));
    expect(page.axe!.passes).toContain("document-title");
  });

  it("measures performance", () => {
    const p = page.performance;
    expect(p.ttfb).not.toBeNull();
    expect(p.fcp).toBeGreaterThan(0);
    expect(p.lcp).toBeGreaterThan(0);
    expect(p.cls).not.toBeNull();
    expect(p.tbt).not.toBeNull();
    expect(p.totalBytes).toBeGreaterThan(1000);
    expect(p.bytesByType.script).toBeGreaterThan(0);
    expect(p.requestCount).toBe(page.requests.length);
  });

  it("fires the behaviour probes: canvas, fingerprint APIs, key listener, replay global, key-logging beacon", () => {
    const b = page.behaviour;
    expect(b.canvasReads).toContainEqual({ method: "toDataURL", script: `${third.origin}/fp.js` });
    expect(b.fingerprintApis.map((f) => f.api)).toEqual(expect.arrayContaining(["navigator.hardwareConcurrency", "navigator.plugins"]));
    expect(b.keyListeners).toContainEqual({ type: "keydown", target: "document", script: `${third.origin}/keylog.js` });
    expect(b.sessionReplayGlobals).toContain("hj");
    expect(b.typingProbeRan).toBe(true);
    expect(b.exfiltrationAfterTyping.some((e) => e.url === `${third.origin}/_echo/keys` && e.thirdParty && e.containsTyped && e.method === "POST")).toBe(true);
    expect(third.beacons.length).toBeGreaterThan(0);
    expect(page.consoleErrors).toContain("app boom");
  });

  it("blocks private targets in the browser unless allowed", async () => {
    const blocked = await gatherPage(browser.browser, `${site.origin}/`, { allowPrivate: false, axe: false, typingProbe: false });
    expect(blocked.status).toBeNull();
    expect(blocked.errors.join("\n")).toMatch(/private address/);
  });

  it("behind the SSRF proxy, blocks every connection the policy refuses (documents and subresources)", async () => {
    const guard = await startGuardProxy({ isAllowed: (a) => a === "127.0.0.2" });
    const guarded = await launchBrowser({ extraArgs: guard.chromeArgs });
    // the site on 127.0.0.2 (allowed) loads its "third party" scripts from 127.0.0.1 (refused)
    const local = await startFixtureServer({ root: path.join(FIXTURES, "third") });
    const onTwo = await startFixtureServer({ root: path.join(FIXTURES, "behaviour"), host: "127.0.0.2", vars: { THIRD_PARTY: local.origin } });
    try {
      const ok = await gatherPage(guarded.browser, `${onTwo.origin}/`, { allowPrivate: false, guard, axe: false, typingProbe: false });
      expect(ok.status).toBe(200);
      expect(ok.requests.find((r) => r.url === `${onTwo.origin}/app.js`)?.remoteAddress).toBe("127.0.0.2");
      expect(ok.behaviour.canvasReads).toEqual([]); // fp.js never arrived
      expect(ok.errors.join("\n")).toMatch(/blocked request to 127\.0\.0\.1/);
      expect(local.requests).toEqual([]);
      const refused = await gatherPage(guarded.browser, `${local.origin}/fp.js`, { allowPrivate: false, guard, axe: false, typingProbe: false });
      expect(refused.status).toBeNull();
      expect(refused.errors[0]).toMatch(/^blocked: 127\.0\.0\.1 resolves to a private address/);
    } finally {
      await guarded.close();
      await guard.close();
      await Promise.all([local.close(), onTwo.close()]);
    }
  });

  it("fails an unreachable page quickly with a clear error", async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const dead = await gatherPage(browser.browser, `http://127.0.0.1:${port}/`, { allowPrivate: true, axe: false });
    expect(dead.status).toBeNull();
    expect(dead.errors[0]).toMatch(/navigation failed: net::ERR_CONNECTION_REFUSED/);
  });

  it("probes site files: exposed files, source maps, CORS, sitemap index, link and sitemap statuses", async () => {
    const p = await gatherPage(browser.browser, `${exposed.origin}/`, { allowPrivate: true, axe: false, typingProbe: false });
    const s = await gatherSite(exposed.origin, [p], { allowPrivate: true });
    expect(s.gitConfig).toMatchObject({ status: 200 });
    expect(s.gitConfig!.body).toContain("[core]");
    expect(s.envFile!.body).toContain("DATABASE_URL");
    expect(s.robotsTxt!.status).toBe(404);
    expect(s.securityTxt!.status).toBe(404);
    expect(s.gpcJson!.status).toBe(404);
    expect(s.sourceMaps.map((m) => [m.url, m.status])).toEqual(
      expect.arrayContaining([[`${exposed.origin}/js/app.js.map`, 200], [`${exposed.origin}/js/vendor.js.map`, 200]]),
    );
    expect(s.corsProbe!.headers["access-control-allow-origin"]).toBe("https://evil.example");
    expect(s.sitemaps.map((m) => m.valid)).toEqual([true, true]);
    expect(s.sitemaps[1].urls).toEqual([`${exposed.origin}/`, `${exposed.origin}/gone`]);
    expect(s.sitemapUrlStatus[`${exposed.origin}/gone`]).toBe(404);
    expect(s.linkStatus[`${exposed.origin}/missing-page`]).toBe(404);
    expect(s.linkStatus[`${exposed.origin}/exists`]).toBe(200);
  });

  it("records a certificate error as TLS evidence and still gathers the page", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=127.0.0.1", "-keyout", path.join(dir, "k.pem"), "-out", path.join(dir, "c.pem")], { stdio: "ignore" });
    const server = https.createServer({ key: fs.readFileSync(path.join(dir, "k.pem")), cert: fs.readFileSync(path.join(dir, "c.pem")) }, (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html", "Strict-Transport-Security": "max-age=60" });
      res.end('<!doctype html><html lang="en"><title>TLS</title><h1>TLS</h1></html>');
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const p = await gatherPage(browser.browser, `${origin}/`, { allowPrivate: true, axe: false, typingProbe: false });
      expect(p.status).toBe(200);
      expect(p.dom.title).toBe("TLS");
      expect(p.redirects).toEqual([]);
      expect(p.tls?.error).toMatch(/^net::ERR_CERT_/);
      expect(p.tls?.subjectName).toBe("127.0.0.1");
      expect(p.tls?.validTo).toBeGreaterThan(Date.now() / 1000);
      expect(p.responseHeaders["strict-transport-security"]).toBe("max-age=60");
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds a browser or explains how to install one", () => {
    expect(findChrome()).toBeTruthy();
    expect(() => findChrome(undefined, { PATH: "/nonexistent" })).toThrow(/CHROME_PATH|apt-get install -y chromium/);
  });
});
