import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/account";
import { snap } from "./support/artifacts";
import { serveFixtureSite, type FixtureSite } from "./support/fixture-site";

// The scan result's per-page table and Core Web Vitals cards, the comparison of two scans, and no sideways
// scrolling at 375 px on any dashboard page. Two real scans (performance + SEO, 2 pages) of a fixture site.

let site: FixtureSite;
test.beforeAll(async () => {
  site = await serveFixtureSite();
});
test.afterAll(async () => {
  await site?.close();
});

async function apiCall<T>(page: Page, orgSlug: string, method: "GET" | "POST", path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(path, { method, data, headers: { "X-Plumb-Org": orgSlug } });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return ((await res.json()) as { data: T }).data;
}

async function finishedScan(page: Page, orgSlug: string, domainId: string): Promise<string> {
  const scan = await apiCall<{ scan: { id: string } }>(page, orgSlug, "POST", "/api/v1/scans", { domain_id: domainId, pillars: ["performance", "seo"], max_pages: 2 });
  await expect
    .poll(async () => (await apiCall<{ status: string }>(page, orgSlug, "GET", `/api/v1/scans/${scan.scan.id}`)).status, { timeout: 240_000, intervals: [1000] })
    .toBe("succeeded");
  return scan.scan.id;
}

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${label}: page is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}

test("scan result, comparison and 375 px layout of every dashboard page", async ({ page }) => {
  test.setTimeout(600_000);
  const orgPath = await signUp(page, newAccount("results"));
  const orgSlug = orgPath.split("/")[2];

  const domain = await apiCall<{ id: string; verify_token: string }>(page, orgSlug, "POST", "/api/v1/domains", { url: site.origin });
  site.setToken(domain.verify_token);
  const verified = await apiCall<{ verified: boolean }>(page, orgSlug, "POST", `/api/v1/domains/${domain.id}/verify`);
  expect(verified.verified).toBe(true);
  const first = await finishedScan(page, orgSlug, domain.id);
  site.fixImage();
  const second = await finishedScan(page, orgSlug, domain.id);

  // Result page at 1440: per-page table, CWV cards, scan duration.
  await page.goto(`${orgPath}/scans/${second}`);
  await expect(page.getByRole("heading", { name: "Core Web Vitals" })).toBeVisible();
  const vitals = page.getByTestId("core-web-vitals");
  for (const id of ["lcp", "cls", "tbt"]) await expect(vitals.getByTestId(`vital-${id}`)).toContainText(/Good|Needs improvement|Poor/);
  await expect(page.getByTestId("scan-duration")).toHaveText(/\d/);
  const table = page.getByTestId("page-metrics");
  await expect(table.getByTestId("page-row")).toHaveCount(2);
  await expect(table.getByRole("columnheader", { name: /LCP/ })).toBeVisible();
  // Sorting by the score, then by URL descending, reorders the rows.
  await table.getByRole("button", { name: /^Page/ }).click();
  await expect(table.getByRole("columnheader", { name: /Page/ })).toHaveAttribute("aria-sort", "descending");
  const descending = await table.getByTestId("page-row").locator("td:first-child a").allTextContents();
  await table.getByRole("button", { name: /^Page/ }).click();
  const ascending = await table.getByTestId("page-row").locator("td:first-child a").allTextContents();
  expect(ascending).toEqual([...descending].reverse());
  await table.getByRole("button", { name: /^Score/ }).click();
  await expect(table.getByRole("columnheader", { name: /Score/ })).toHaveAttribute("aria-sort", "descending");
  await snap(page, "results-scan-1440");

  // The domain's history links the comparison with the previous scan.
  await page.goto(`${orgPath}/domains/${domain.id}`);
  await page.getByRole("link", { name: "vs previous" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare scans" })).toBeVisible();
  await expect(page.getByTestId("score-deltas")).toContainText("Performance");
  await expect(page.getByTestId("compare-fixed")).toBeVisible();
  expect(new URL(page.url()).searchParams.get("b")).toBe(second);
  await snap(page, "results-compare-1440");

  // 375 px: nothing scrolls sideways, on every dashboard page.
  await page.setViewportSize({ width: 375, height: 812 });
  const pages = [
    orgPath,
    `${orgPath}/domains`,
    `${orgPath}/domains/new`,
    `${orgPath}/domains/${domain.id}`,
    `${orgPath}/domains/${domain.id}/settings`,
    `${orgPath}/domains/${domain.id}/verify`,
    `${orgPath}/scans`,
    `${orgPath}/scans/${second}`,
    `${orgPath}/scans/${first}`,
    `${orgPath}/scans/compare?a=${first}&b=${second}`,
    `${orgPath}/findings`,
    `${orgPath}/reports`,
    `${orgPath}/settings`,
    `${orgPath}/settings/members`,
    `${orgPath}/settings/api-keys`,
    `${orgPath}/settings/credits`,
  ];
  for (const p of pages) {
    await page.goto(p);
    await page.waitForLoadState("networkidle");
    await expectNoSidewaysScroll(page, p);
  }
  await page.goto(`${orgPath}/scans/${second}`);
  await snap(page, "results-scan-375");
  await page.goto(`${orgPath}/scans/compare?a=${first}&b=${second}`);
  await snap(page, "results-compare-375");
});
