import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signUp } from "./support/account";
import { snap } from "./support/artifacts";
import { serveFixtureSite, type FixtureSite } from "./support/fixture-site";

// The organization overview in real Chromium, on a real scan of the loopback fixture site: verifying the
// domain leads straight to "Launch first scan" in focus; then the pillar heatmap (with a never-scanned domain),
// the trend chart's data table and its 30/90/365 switch, worst pages, most common problems, a severity bar
// landing on the filtered findings, accessibility, and 375 px without sideways scrolling.

let site: FixtureSite;
test.beforeAll(async () => {
  site = await serveFixtureSite();
});
test.afterAll(async () => {
  await site?.close();
});

async function api<T>(page: Page, orgSlug: string, method: "GET" | "POST" | "PATCH", path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(path, { method, data, headers: { "X-Plumb-Org": orgSlug } });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return ((await res.json()) as { data: T }).data;
}

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${label}: page is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}

test("overview: heatmap, pillar trends with their table, worst pages, common problems, severity links", async ({ page }) => {
  test.setTimeout(600_000);
  const orgPath = await signUp(page, newAccount("overview"));
  const orgSlug = orgPath.split("/")[2];

  // --- Add and verify through the dashboard: straight on to the domain page, "Launch first scan" in focus.
  await page.goto(`${orgPath}/domains/new`);
  await page.getByLabel("Domain or URL").fill(site.origin);
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verify ownership" })).toBeVisible({ timeout: 90_000 });
  const metaTag = (await page.locator("code", { hasText: "plumb-site-verification" }).first().textContent()) ?? "";
  site.setToken(/content="([^"]+)"/.exec(metaTag)![1]);
  await page.getByRole("button", { name: "Verify now" }).click();
  await page.waitForURL(/\/domains\/[a-z0-9]+\?verified=meta$/, { timeout: 90_000 });
  const domainId = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect(page.getByRole("status").filter({ hasText: "Ownership verified" })).toContainText("Verified with the meta tag");
  const launch = page.getByRole("button", { name: "Launch first scan" });
  await expect(launch).toBeFocused();
  await snap(page, "overview-verified-domain-1440");
  // Enter opens the launch dialog from there.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Start a scan" })).toBeVisible();
  await page.keyboard.press("Escape");

  // --- Data: a 2-page scan that counts (page count 2), and a second domain never scanned.
  const domain = await api<{ hostname: string }>(page, orgSlug, "PATCH", `/api/v1/domains/${domainId}`, { page_count: 2 });
  await api(page, orgSlug, "POST", "/api/v1/domains", { hostname: "never-scanned.example" });
  const started = await api<{ scan: { id: string } }>(page, orgSlug, "POST", "/api/v1/scans", {
    domain_id: domainId,
    pillars: ["accessibility", "security", "performance", "seo"],
    max_pages: 2,
  });
  await expect
    .poll(
      async () => {
        try {
          return (await api<{ status: string }>(page, orgSlug, "GET", `/api/v1/scans/${started.scan.id}`)).status;
        } catch {
          return "unreachable";
        }
      },
      { timeout: 240_000, intervals: [1000] },
    )
    .toBe("succeeded");
  const composed = (await api<{ result: { pillars: Record<string, { state: string; score: number | null }> } }>(page, orgSlug, "GET", `/api/v1/domains/${domainId}`)).result;

  // --- Heatmap: the composition's numbers, never-scanned pillars and domains shown as such.
  await page.goto(orgPath);
  const heatmap = page.getByTestId("pillar-heatmap");
  const row = heatmap.locator(`tr[data-domain="${domain.hostname}"]`);
  for (const pillar of ["accessibility", "security", "performance", "seo"]) {
    const cell = row.locator(`td[data-pillar="${pillar}"]`);
    await expect(cell).toHaveAttribute("data-state", composed.pillars[pillar].state);
    if (composed.pillars[pillar].state === "scored") await expect(cell).toHaveText(String(composed.pillars[pillar].score));
  }
  await expect(row.locator('td[data-pillar="cookies"]')).toHaveAttribute("data-state", "never_scanned");
  await expect(row.locator('td[data-pillar="cookies"]')).toContainText("never scanned");
  const never = heatmap.locator('tr[data-domain="never-scanned.example"]');
  await expect(never.locator('td[data-state="never_scanned"]')).toHaveCount(7);
  // The scanned domain (worst scored first) comes before the one without a score.
  await expect(heatmap.locator("tbody tr").first()).toHaveAttribute("data-domain", domain.hostname);

  // --- Trend: the chart (recharts) and its table, hidden but read by screen readers, shown on demand.
  const trend = page.getByTestId("pillar-trend");
  // One line per pillar the scan covered (accessibility, security, performance, SEO), each in the legend.
  await expect(trend.locator(".recharts-line")).toHaveCount(4);
  await expect(trend.getByLabel("Security legend icon")).toBeVisible();
  const table = trend.getByTestId("pillar-trend-table");
  await expect(table.locator("tbody tr")).toHaveCount(30);
  await expect(table.locator("thead")).toContainText("Security");
  const lastRow = table.locator("tbody tr").last();
  await expect(lastRow.locator("td").nth(1)).toHaveText(String(composed.pillars.security.score));
  await trend.getByRole("button", { name: "Show as table" }).click();
  await expect(table).toBeVisible();
  await expect(trend.getByRole("button", { name: "Hide the table" })).toHaveAttribute("aria-expanded", "true");

  // --- Worst pages and common problems.
  const worst = page.getByTestId("worst-pages");
  await expect(worst.getByRole("listitem")).toHaveCount(2);
  await expect(worst).toContainText(site.origin);
  const common = page.getByTestId("common-problems");
  await expect(common.getByRole("listitem").first()).toContainText("1 domain");

  await expectNoA11yViolations(page, "overview");
  await snap(page, "overview-1440");

  // 30/90/365 switch.
  await page.getByRole("link", { name: "Last 90 days" }).click();
  await expect(page).toHaveURL(/range=90/);
  await expect(page.getByRole("link", { name: "Last 90 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("pillar-trend-table").locator("tbody tr")).toHaveCount(30);
  await page.getByRole("link", { name: "Last 365 days" }).click();
  await expect(page).toHaveURL(/range=365/);
  await expect(page.getByTestId("pillar-trend-table").locator("tbody tr")).toHaveCount(53);
  // One domain's own trend.
  await page.getByLabel("Trend for").selectOption(domainId);
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`trend=${domainId}`));
  await expect(page.getByTestId("pillar-trend")).toContainText(`of ${domain.hostname}`);

  // --- A common problem lands on its findings.
  await page.goto(orgPath);
  const problem = page.getByTestId("common-problems").getByRole("link").first();
  const problemTitle = (await problem.textContent())!.trim();
  await problem.click();
  await page.waitForURL(/\/findings\?q=/);
  await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
  await expect(page.getByRole("table").getByText(problemTitle).first()).toBeVisible();

  // --- A severity bar lands on the findings filtered to that severity, with the same count.
  await page.goto(orgPath);
  // The severity bars (the "Open findings" headline card says "open or in progress" too).
  const bars = page.getByRole("link", { name: /^(Critical|High|Medium|Low|Info) ?\d+ open or in progress$/ });
  await expect(bars).toHaveCount(5);
  const labels = (await bars.allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
  const index = labels.findIndex((l) => !/^\w+ ?0 open/.test(l));
  expect(index, `some severity has open findings: ${labels.join(" | ")}`).toBeGreaterThanOrEqual(0);
  const [, severity, count] = /^(\w+) ?(\d+) open/.exec(labels[index])!;
  await bars.nth(index).click();
  await page.waitForURL(new RegExp(`/findings\\?severity=${severity.toLowerCase()}$`));
  await expect(page.getByLabel("Filter by severity")).toHaveValue(severity.toLowerCase());
  await expect(page.getByTestId("findings-total")).toContainText(`${count} finding`);

  // --- 375 px: nothing scrolls sideways.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(orgPath);
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("pillar-heatmap")).toBeVisible();
  await expectNoSidewaysScroll(page, "overview");
  await expectNoA11yViolations(page, "overview at 375 px");
  await snap(page, "overview-375");
  await page.getByRole("button", { name: "Show as table" }).click();
  await expectNoSidewaysScroll(page, "overview with the trend table");
  await page.goto(`${orgPath}/domains/${domainId}?verified=meta`);
  await expectNoSidewaysScroll(page, "domain page after verification");
  await snap(page, "overview-verified-domain-375");
});
