import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { newAccount, signUp } from "./support/account";
import { expectNoA11yViolations } from "./support/a11y";
import { snap } from "./support/artifacts";
import { serveFixtureSite, type FixtureSite } from "./support/fixture-site";

// Reports end to end: a scan of the fixture site, the domain's own branding (its settings page), "New report"
// with the compliance section, the PDF export downloaded (text checked, page 1 rendered to PNG to look at),
// a share link made from the report page and opened in a fresh context. Screenshots at 1440 and 375 px of
// the reports list, the report page and the share page.

const ARTIFACTS = path.join(import.meta.dirname, "artifacts");

let site: FixtureSite;
test.beforeAll(async () => {
  site = await serveFixtureSite();
});
test.afterAll(async () => {
  await site?.close();
});

async function apiCall<T>(page: Page, orgSlug: string, method: "GET" | "POST", p: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(p, { method, data, headers: { "X-Plumb-Org": orgSlug } });
  expect(res.status(), `${method} ${p}: ${await res.text()}`).toBeLessThan(300);
  return ((await res.json()) as { data: T }).data;
}

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${label}: ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}

async function bothWidths(page: Page, label: string, name: string): Promise<void> {
  await snap(page, `${name}-1440`);
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page, label);
  await snap(page, `${name}-375`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("new report with compliance, PDF download, and a share link of the report", async ({ page, browser }) => {
  test.setTimeout(900_000);
  const orgPath = await signUp(page, newAccount("reports"));
  const orgSlug = orgPath.split("/")[2]!;

  // A real scan of the fixture site.
  const domain = await apiCall<{ id: string; verify_token: string }>(page, orgSlug, "POST", "/api/v1/domains", { url: site.origin });
  site.setToken(domain.verify_token);
  expect((await apiCall<{ verified: boolean }>(page, orgSlug, "POST", `/api/v1/domains/${domain.id}/verify`)).verified).toBe(true);
  const started = await apiCall<{ scan: { id: string } }>(page, orgSlug, "POST", "/api/v1/scans", { domain_id: domain.id, pillars: ["security", "accessibility", "seo"], max_pages: 2 });
  await expect
    .poll(async () => (await apiCall<{ status: string }>(page, orgSlug, "GET", `/api/v1/scans/${started.scan.id}`)).status, { timeout: 300_000, intervals: [1000] })
    .toBe("succeeded");

  // The client domain's own branding, from its settings page ("Made with Plumb" off).
  await page.goto(`${orgPath}/domains/${domain.id}/settings`);
  const brand = page.getByRole("form", { name: "Domain branding" });
  await brand.getByLabel("Name on reports").fill("Fixture Client Co");
  await brand.getByLabel("Accent colour").fill("#0f766e");
  await brand.getByLabel("Footer text").fill("Audit prepared for Fixture Client Co");
  await brand.getByLabel("Show “Made with Plumb”").uncheck();
  await brand.getByRole("button", { name: "Save branding" }).click();
  await expect(brand.getByText("Branding saved.")).toBeVisible();

  // New report: the scan, PDF, a title, frameworks on request.
  await page.goto(`${orgPath}/reports`);
  await page.getByRole("button", { name: "New report" }).click();
  const dialog = page.getByRole("dialog", { name: "New report" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Format").selectOption("pdf");
  await dialog.getByLabel("Title (optional)").fill("Client audit with compliance");
  await dialog.getByLabel("Group findings by framework").check();
  await expectNoA11yViolations(page, "new report dialog");
  await dialog.getByRole("button", { name: "Create report" }).click();
  await page.waitForURL(/\/reports\/[a-z0-9]+$/);
  // The page header and the report's own cover both name it.
  await expect(page.getByRole("heading", { level: 1, name: "Client audit with compliance" }).first()).toBeVisible();

  // The report page: the compliance section with the WCAG 2.2 AA summary, branded.
  const view = page.getByTestId("report-view");
  await expect(view.getByRole("heading", { name: "Compliance by framework" })).toBeVisible();
  await expect(view.getByRole("heading", { name: "WCAG 2.2 AA conformance summary" })).toBeVisible();
  await expect(view.getByText("Accessibility statement for")).toBeVisible();
  await expect(view.getByText("Fixture Client Co").first()).toBeVisible();
  await expect(view.getByText("Made with Plumb")).toHaveCount(0);

  // The PDF export finishes in the background (the page refreshes itself); download it.
  const download = page.getByTestId("export-download").first();
  await expect(download).toBeVisible({ timeout: 300_000 });
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^plumb-report-.+\.pdf$/);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const pdfPath = path.join(ARTIFACTS, "reports-export.pdf");
  await file.saveAs(pdfPath);
  const bytes = fs.readFileSync(pdfPath);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  expect(text).toContain("Client audit with compliance");
  expect(text).toContain("Fixture Client Co");
  expect(text).toContain("Audit prepared for Fixture Client Co");
  expect(text).toContain("WCAG 2.2 AA conformance summary");
  expect(text).not.toContain("Made with Plumb");
  // Page 1 as an image, for people to look at.
  const pngBase = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plumb-pdf-")), "page");
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfPath, pngBase]);
  fs.copyFileSync(`${pngBase}.png`, path.join(ARTIFACTS, "reports-pdf-page1.png"));

  // Share the report: the link is shown once and listed with its views.
  const share = page.locator("#share");
  await share.getByRole("button", { name: "Create share link" }).click();
  const shareUrl = await share.getByTestId("share-url").inputValue();
  expect(shareUrl).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
  await expect(share.getByTestId("share-link-row")).toHaveCount(1);
  await expectNoA11yViolations(page, "report page");
  await bothWidths(page, "report page", "reports-report");

  // The reports list.
  await page.goto(`${orgPath}/reports`);
  await expect(page.getByText("Client audit with compliance").first()).toBeVisible();
  await expectNoA11yViolations(page, "reports list");
  await bothWidths(page, "reports list", "reports-list");

  // A fresh context: no session. The report as saved — its sections, the domain's branding, noindex.
  const visitor = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const shared = await visitor.newPage();
  const res = await shared.goto(shareUrl);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["x-robots-tag"]).toContain("noindex");
  const sharedView = shared.getByTestId("report-view");
  await expect(sharedView.getByRole("heading", { level: 1, name: "Client audit with compliance" })).toBeVisible();
  await expect(sharedView.getByRole("heading", { name: "WCAG 2.2 AA conformance summary" })).toBeVisible();
  await expect(shared.getByText("Fixture Client Co").first()).toBeVisible();
  await expect(shared.getByText("Audit prepared for Fixture Client Co")).toBeVisible();
  await expect(shared.getByText("Made with Plumb")).toHaveCount(0);
  await expect(shared.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expectNoA11yViolations(shared, "share page");
  await bothWidths(shared, "share page", "reports-share");

  // The view is counted on the report page; revoking makes the page 410.
  await page.goto(`${orgPath}/reports`);
  await page.getByRole("link", { name: "Client audit with compliance" }).first().click();
  await expect(page.locator("#share").getByTestId("share-link-row")).toContainText("1 view");
  await page.locator("#share").getByRole("button", { name: "Revoke" }).click();
  await expect(page.locator("#share").getByTestId("share-link-row")).toContainText("revoked");
  const gone = await shared.goto(shareUrl);
  expect(gone?.status()).toBe(410);
  await visitor.close();
});
