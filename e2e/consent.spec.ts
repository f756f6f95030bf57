import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/account";
import { snap } from "./support/artifacts";
import { expectNoA11yViolations } from "./support/a11y";

// Before and after consent on the scan result: a real scan with `consent` of the consent fixture (a
// Cookiebot-style, a OneTrust-style and two generic banners), then the three columns at 1440 and 375 px.
// The tracker hosts do not resolve here (the server scans through its SSRF guard, offline): the requests are
// still made, so the columns list them.

const FIXTURE = path.join(import.meta.dirname, "..", "test", "fixtures", "sites", "consent");

let server: http.Server;
let origin: string;
let token = "not-set-yet";

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    if (pathname === "/.well-known/plumb-verification.txt") return void res.writeHead(200, { "Content-Type": "text/plain" }).end(token);
    const name = pathname === "/" ? "index.html" : `${path.basename(pathname)}${path.extname(pathname) ? "" : ".html"}`;
    const file = path.join(FIXTURE, name);
    if (!name.endsWith(".html") || !fs.existsSync(file)) return void res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PLUMB_E2E_FIXTURE_PORT ?? 0), "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function apiCall<T>(page: Page, orgSlug: string, method: "GET" | "POST" | "PUT", p: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(p, { method, data, headers: { "X-Plumb-Org": orgSlug } });
  expect(res.status(), `${method} ${p}: ${await res.text()}`).toBeLessThan(300);
  return ((await res.json()) as { data: T }).data;
}

test("scan with consent: before any choice, after Accept and after Reject side by side", async ({ page }) => {
  test.setTimeout(600_000);
  const orgPath = await signUp(page, newAccount("consent"));
  const orgSlug = orgPath.split("/")[2];
  const domain = await apiCall<{ id: string; verify_token: string }>(page, orgSlug, "POST", "/api/v1/domains", { url: origin });
  token = domain.verify_token;
  expect((await apiCall<{ verified: boolean }>(page, orgSlug, "POST", `/api/v1/domains/${domain.id}/verify`)).verified).toBe(true);

  // The domain setting turns it on for the domain's scans (the API field would override it per scan).
  const settings = await apiCall<{ consent: boolean }>(page, orgSlug, "PUT", `/api/v1/domains/${domain.id}/scan-settings`, { consent: true });
  expect(settings.consent).toBe(true);
  const created = await apiCall<{ scan: { id: string; consent: boolean } }>(page, orgSlug, "POST", "/api/v1/scans", { domain_id: domain.id, pillars: ["privacy", "cookies"], max_pages: 5 });
  expect(created.scan.consent).toBe(true);
  await expect
    .poll(async () => (await apiCall<{ status: string }>(page, orgSlug, "GET", `/api/v1/scans/${created.scan.id}`)).status, { timeout: 420_000, intervals: [2000] })
    .toBe("succeeded");
  const detail = await apiCall<{ consent_report: { pages: { url: string; cmp: string | null }[] } | null }>(page, orgSlug, "GET", `/api/v1/scans/${created.scan.id}`);
  const cmps = Object.fromEntries((detail.consent_report?.pages ?? []).map((p) => [new URL(p.url).pathname, p.cmp]));
  expect(cmps["/"]).toBe("Cybotcookiebot");
  expect(cmps["/news"]).toBe("Onetrust");

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${orgPath}/scans/${created.scan.id}`);
  await expect(page.getByRole("heading", { name: "Before and after consent" })).toBeVisible();
  const comparison = page.getByTestId("consent-comparison");
  const shop = comparison.locator("details", { hasText: "/shop" });
  await expect(shop.getByTestId("consent-reject")).toContainText("www.google-analytics.com");
  await expect(shop.getByTestId("consent-reject")).toContainText("Google Analytics");
  const news = comparison.locator("details", { hasText: "/news" });
  await expect(news.getByTestId("consent-before")).toContainText("connect.facebook.net");
  await expect(news.getByTestId("consent-accept")).toContainText("static.hotjar.com");
  await expect(news.getByTestId("consent-reject")).toContainText("the refusal is honoured");
  // Side by side at 1440: the three columns of a page share one row.
  const boxes = await Promise.all(["consent-before", "consent-accept", "consent-reject"].map((id) => news.getByTestId(id).boundingBox()));
  expect(new Set(boxes.map((b) => Math.round(b?.y ?? -1))).size).toBe(1);
  await expectNoA11yViolations(page, "consent-scan");
  await comparison.scrollIntoViewIfNeeded();
  await snap(page, "consent-scan-1440");

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${orgPath}/scans/${created.scan.id}`);
  await expect(page.getByTestId("consent-comparison")).toBeVisible();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await snap(page, "consent-scan-375");

  // The setting in the domain's settings page.
  await page.goto(`${orgPath}/domains/${domain.id}/settings`);
  await expect(page.getByRole("checkbox", { name: "Compare before and after consent" })).toBeChecked();
});
