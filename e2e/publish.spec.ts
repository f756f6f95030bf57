import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/account";
import { expectNoA11yViolations } from "./support/a11y";
import { snap } from "./support/artifacts";
import { serveFixtureSite, type FixtureSite } from "./support/fixture-site";

// Publishing: Settings → Branding, "Explain this scan" (rule-based: the e2e server has no OpenAI key), a
// share link created from the scan page and opened in a fresh browser context, then revoked (410).

let site: FixtureSite;
test.beforeAll(async () => {
  site = await serveFixtureSite();
});
test.afterAll(async () => {
  await site?.close();
});

const PNG_1X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

async function apiCall<T>(page: Page, orgSlug: string, method: "GET" | "POST", p: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(p, { method, data, headers: { "X-Plumb-Org": orgSlug } });
  expect(res.status(), `${method} ${p}: ${await res.text()}`).toBeLessThan(300);
  return ((await res.json()) as { data: T }).data;
}

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${label}: ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}

test("branding, Explain this scan, and a share link opened in a fresh context", async ({ page, browser }) => {
  test.setTimeout(600_000);
  const orgPath = await signUp(page, newAccount("publish"));
  const orgSlug = orgPath.split("/")[2]!;

  // Branding: name, accent, footer, logo (a PNG file), "Made with Plumb" off.
  await page.goto(`${orgPath}/settings/branding`);
  const form = page.getByRole("form", { name: "Organization branding" });
  await form.getByLabel("Name on reports").fill("Northwind Agency");
  await form.getByLabel("Accent colour").fill("#0f766e");
  await form.getByLabel("Footer text").fill("Prepared for you by Northwind Agency");
  await form.getByLabel("Show “Made with Plumb”").uncheck();
  const logo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plumb-logo-")), "logo.png");
  fs.writeFileSync(logo, PNG_1X1);
  await form.getByLabel(/^Logo/).setInputFiles(logo);
  await form.getByRole("button", { name: "Save branding" }).click();
  await expect(form.getByText("Branding saved.")).toBeVisible();
  // An SVG is refused by its content.
  const svg = path.join(path.dirname(logo), "logo.png.svg");
  fs.writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  await form.getByLabel(/^Logo/).setInputFiles(svg);
  await form.getByRole("button", { name: "Save branding" }).click();
  await expect(form.getByText(/SVG logos are not accepted/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("img", { name: "Current logo" })).toBeVisible();
  await expectNoA11yViolations(page, "branding settings");
  await snap(page, "publish-branding-1440");
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page, "branding settings");
  await snap(page, "publish-branding-375");
  await page.setViewportSize({ width: 1440, height: 900 });

  // A real scan of the fixture site.
  const domain = await apiCall<{ id: string; verify_token: string }>(page, orgSlug, "POST", "/api/v1/domains", { url: site.origin });
  site.setToken(domain.verify_token);
  expect((await apiCall<{ verified: boolean }>(page, orgSlug, "POST", `/api/v1/domains/${domain.id}/verify`)).verified).toBe(true);
  const started = await apiCall<{ scan: { id: string } }>(page, orgSlug, "POST", "/api/v1/scans", { domain_id: domain.id, pillars: ["security", "accessibility", "seo"], max_pages: 2 });
  const scanId = started.scan.id;
  await expect
    .poll(async () => (await apiCall<{ status: string }>(page, orgSlug, "GET", `/api/v1/scans/${scanId}`)).status, { timeout: 300_000, intervals: [1000] })
    .toBe("succeeded");

  // Explain this scan.
  await page.goto(`${orgPath}/scans/${scanId}`);
  await page.getByRole("button", { name: "Explain this scan" }).click();
  const analysis = page.getByTestId("scan-analysis");
  await expect(analysis).toBeVisible();
  await expect(analysis.getByText("Rule-based analysis")).toBeVisible();
  await expect(analysis.getByTestId("risk-score")).toHaveText(/\d+\s*\/ 100/);
  await expect(analysis.getByRole("heading", { name: "30-day plan" })).toBeVisible();
  await analysis.scrollIntoViewIfNeeded();
  await snap(page, "publish-explain-1440");

  // Share link: created from the UI, shown once.
  await page.getByRole("button", { name: "Create share link" }).click();
  const shareUrl = await page.getByTestId("share-url").inputValue();
  expect(shareUrl).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("share-link-row")).toHaveCount(1);
  await expectNoA11yViolations(page, "scan result with analysis and share links");
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page, "scan result");
  await snap(page, "publish-explain-375");
  await page.setViewportSize({ width: 1440, height: 900 });

  // A fresh context: no session, no cookies.
  const visitor = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const shared = await visitor.newPage();
  const res = await shared.goto(shareUrl);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(shared.getByTestId("report-view")).toBeVisible();
  await expect(shared.getByText("Northwind Agency").first()).toBeVisible();
  await expect(shared.getByText("Prepared for you by Northwind Agency")).toBeVisible();
  await expect(shared.getByText("Made with Plumb")).toHaveCount(0);
  await expect(shared.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expectNoA11yViolations(shared, "share page");
  await snap(shared, "publish-share-1440");
  await shared.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(shared, "share page");
  await snap(shared, "publish-share-375");

  // Views are counted; revoking makes the page 410.
  await page.reload();
  await expect(page.getByTestId("share-link-row")).toContainText("1 view");
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("share-link-row")).toContainText("revoked");
  const gone = await shared.goto(shareUrl);
  expect(gone?.status()).toBe(410);
  await expect(shared.getByRole("heading", { name: "This link is no longer available" })).toBeVisible();
  await visitor.close();
});
