import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/account";
import { expectNoA11yViolations } from "./support/a11y";
import { snap } from "./support/artifacts";
import { serveFixtureSite, type FixtureSite } from "./support/fixture-site";

// Reports tab: a report of a scanned domain mailed on a schedule (the dialog, the list with its next run, pause,
// delete) and a portfolio report of two domains (one not scanned yet) rendered on the report page. Screenshots at
// 1440 and 375 px; nothing scrolls sideways.

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

async function bothWidths(page: Page, name: string): Promise<void> {
  await snap(page, `${name}-1440`);
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page, name);
  await snap(page, `${name}-375`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("schedule a report by e-mail, pause it, and a portfolio report of two domains", async ({ page }) => {
  test.setTimeout(600_000);
  const orgPath = await signUp(page, newAccount("reportsched"));
  const orgSlug = orgPath.split("/")[2]!;

  // A scanned domain (the fixture site) and a second domain not scanned yet.
  const domain = await apiCall<{ id: string; verify_token: string }>(page, orgSlug, "POST", "/api/v1/domains", { url: site.origin });
  site.setToken(domain.verify_token);
  expect((await apiCall<{ verified: boolean }>(page, orgSlug, "POST", `/api/v1/domains/${domain.id}/verify`)).verified).toBe(true);
  await apiCall(page, orgSlug, "POST", "/api/v1/domains", { url: "https://client-two.example" });
  const started = await apiCall<{ scan: { id: string } }>(page, orgSlug, "POST", "/api/v1/scans", { domain_id: domain.id, pillars: ["security", "seo"], max_pages: 2 });
  await expect
    .poll(async () => (await apiCall<{ status: string }>(page, orgSlug, "GET", `/api/v1/scans/${started.scan.id}`)).status, { timeout: 300_000, intervals: [1000] })
    .toBe("succeeded");

  // A report of the scan (a 2-page, 2-pillar scan does not make a composed domain result).
  await page.goto(`${orgPath}/reports`);
  await page.getByRole("button", { name: "New report" }).click();
  const newDialog = page.getByRole("dialog", { name: "New report" });
  await newDialog.getByLabel("One scan").check();
  await newDialog.getByLabel("Format").selectOption("csv");
  await newDialog.getByLabel("Title (optional)").fill("Client monthly");
  await newDialog.getByRole("button", { name: "Create report" }).click();
  await page.waitForURL(/\/reports\/[a-z0-9]+$/);

  // Schedule it: monthly, day 3, 09:00 Berlin, two recipients.
  await page.getByRole("button", { name: "Schedule" }).click();
  const dialog = page.getByRole("dialog", { name: "Schedule this report" });
  await dialog.getByLabel("Month").check();
  await dialog.getByLabel("On day").selectOption("3");
  await dialog.getByLabel("At", { exact: true }).selectOption("9");
  await dialog.getByLabel("Time zone").fill("Europe/Berlin");
  await dialog.getByLabel("Recipients").fill("boss@client.example\nops@client.example");
  await expectNoA11yViolations(page, "schedule dialog");
  await bothWidths(page, "reportsched-dialog");
  // A bad time zone is refused with a message, and the dialog stays open.
  await dialog.getByLabel("Time zone").fill("Mars/Olympus");
  await dialog.getByRole("button", { name: "Save schedule" }).click();
  await expect(dialog.getByText(/not an IANA time zone/)).toBeVisible();
  await dialog.getByLabel("Time zone").fill("Europe/Berlin");
  await dialog.getByRole("button", { name: "Save schedule" }).click();
  await expect(dialog).toBeHidden();
  const list = page.getByTestId("schedules-list");
  await expect(list.getByText("Monthly on day 3 at 09:00 (Europe/Berlin)")).toBeVisible();
  await expect(list.getByText(/Next run .*9:00.*\(Europe\/Berlin\)/)).toBeVisible();
  await expect(list.getByText("To boss@client.example, ops@client.example")).toBeVisible();

  // The Reports tab lists it under the report; pause it there.
  await page.goto(`${orgPath}/reports`);
  const tabList = page.getByTestId("schedules-list");
  await expect(tabList.getByText("Active")).toBeVisible();
  await tabList.getByRole("button", { name: /^Pause / }).click();
  await expect(tabList.getByText("Paused")).toBeVisible();
  await expect(tabList.getByText("No next run while paused")).toBeVisible();
  await tabList.getByRole("button", { name: /^Resume / }).click();
  await expect(tabList.getByText("Active")).toBeVisible();
  await expectNoA11yViolations(page, "reports list with schedules");
  await bothWidths(page, "reportsched-reports-list");

  // A portfolio of both domains.
  await page.getByRole("button", { name: "New report" }).click();
  const pf = page.getByRole("dialog", { name: "New report" });
  await pf.getByLabel("Several domains (portfolio)").check();
  await expect(pf.locator('input[type="checkbox"][name="domainIds"]')).toHaveCount(2);
  await expect(pf.getByLabel("Format").locator("option")).toHaveText(["PDF", "CSV", "JSON", "Markdown (SECURITY-FIX.md)"]);
  await pf.getByLabel("Format").selectOption("csv");
  await pf.getByLabel("Title (optional)").fill("Agency portfolio");
  await pf.getByRole("button", { name: "Create report" }).click();
  await page.waitForURL(/\/reports\/[a-z0-9]+$/);
  const view = page.getByTestId("portfolio-view");
  await expect(view.getByRole("heading", { level: 1, name: "Agency portfolio" })).toBeVisible();
  const ranking = view.getByTestId("portfolio-ranking");
  await expect(ranking.getByRole("row")).toHaveCount(3);
  await expect(ranking.getByRole("row").nth(1)).toContainText("127.0.0.1");
  await expect(ranking.getByRole("row").nth(2)).toContainText("client-two.example");
  await expect(ranking.getByRole("row").nth(2)).toContainText("no scan");
  await expect(view.getByTestId("portfolio-domain")).toHaveCount(2);
  await expect(page.getByTestId("export-download").first()).toBeVisible({ timeout: 180_000 });
  await expectNoA11yViolations(page, "portfolio report page");
  await bothWidths(page, "reportsched-portfolio");

  // Delete the schedule from the first report's page.
  await page.goto(`${orgPath}/reports`);
  await page.getByTestId("schedules-list").getByRole("button", { name: /^Delete / }).click();
  await expect(page.getByTestId("schedules-list")).toHaveCount(0);
});
