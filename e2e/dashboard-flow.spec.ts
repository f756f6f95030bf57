import { expect, test } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signUp } from "./support/account";
import { snap } from "./support/artifacts";
import { serveFixtureSite, type FixtureSite } from "./support/fixture-site";

// The whole product in the browser: sign up -> add a domain (a fixture site on loopback; the e2e server allows
// exactly its origin through PLUMB_PRIVATE_TARGET_ALLOWLIST) -> verify it with the meta tag -> launch a 2-pillar, 2-page scan ->
// watch the progress -> open the result -> triage findings (filter + bulk change) -> create and revoke an
// API key -> list the domain in the public directory.

let site: FixtureSite;
test.beforeAll(async () => {
  site = await serveFixtureSite();
});
test.afterAll(async () => {
  await site?.close();
});

test("dashboard flow: domain, verification, scan, triage, API key, directory", async ({ page }) => {
  // A real scan in a real browser on a shared 2-core machine.
  test.setTimeout(300_000);
  const account = newAccount("flow");
  const orgPath = await signUp(page, account);
  const nav = page.getByRole("navigation", { name: "Organization" });
  const host = new URL(site.origin).host;

  // Domains: empty state -> add form.
  await nav.getByRole("link", { name: "Domains" }).click();
  await expect(page.getByRole("heading", { name: "No domains yet" })).toBeVisible();
  await page.getByRole("link", { name: "Add domain" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a domain" })).toBeVisible();
  await expectNoA11yViolations(page, "add domain");
  // Invalid input is explained next to the field.
  await page.getByLabel("Domain or URL").fill("http://exa mple.com/a b");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByLabel("Domain or URL")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Domain or URL").fill(site.origin);
  await page.getByRole("button", { name: "Add domain" }).click();

  // Verification page: the fixture is an IP address, so two methods (no DNS zone for a TXT record); the
  // first attempt fails with the reason, then the meta tag works.
  await expect(page.getByRole("heading", { level: 1, name: "Verify ownership" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "1. HTML meta tag" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "2. Well-known file" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /DNS TXT record/ })).toHaveCount(0);
  const metaTag = (await page.locator("code", { hasText: "plumb-site-verification" }).first().textContent()) ?? "";
  const token = /content="([^"]+)"/.exec(metaTag)?.[1];
  expect(token, "the verification page shows the token in the meta tag").toBeTruthy();
  await expectNoA11yViolations(page, "verification");
  await page.setViewportSize({ width: 375, height: 812 });
  await snap(page, "flow-verify-375");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole("button", { name: "Verify now" }).click();
  const failed = page.getByRole("alert").filter({ hasText: "Not verified yet" });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText("meta:");
  await snap(page, "flow-verify-failed-1440");
  site.setToken(token!);
  await page.getByRole("button", { name: "Verify now" }).click();
  // Straight on to the domain page, "Launch first scan" in focus.
  await page.waitForURL(/\/domains\/[a-z0-9]+\?verified=meta$/);
  await expect(page.getByRole("status").filter({ hasText: "Ownership verified" })).toContainText("Verified with the meta tag");
  await expect(page.getByRole("button", { name: "Launch first scan" })).toBeFocused();
  await snap(page, "flow-verified-1440");

  // Domain page -> launch dialog: 2 pillars, 2 pages, cost shown against the balance.
  await nav.getByRole("link", { name: "Domains" }).click();
  await expect(page.getByRole("table", { name: "Domains" })).toContainText("Verified");
  await expectNoA11yViolations(page, "domains list");
  await snap(page, "flow-domains-1440");
  await page.getByRole("link", { name: host }).click();
  await expect(page.getByRole("heading", { level: 1, name: host })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No scans of this domain yet" })).toBeVisible();
  await expectNoA11yViolations(page, "domain");
  await page.getByRole("button", { name: "Launch first scan" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a scan" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Cost: 7 credits · balance: 100");
  await dialog.getByRole("button", { name: "Clear" }).click();
  await dialog.getByRole("checkbox", { name: "Accessibility" }).check();
  await dialog.getByRole("checkbox", { name: "Security" }).check();
  await dialog.getByLabel("Maximum pages").fill("2");
  await expect(dialog).toContainText("Cost: 2 credits · balance: 100");
  await expectNoA11yViolations(page, "launch dialog");
  await snap(page, "flow-launch-dialog-1440");
  await page.setViewportSize({ width: 375, height: 812 });
  await snap(page, "flow-launch-dialog-375");
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByRole("button", { name: "Start scan (2 credits)" }).click();

  // Live progress, then the result replaces it.
  await page.waitForURL(/\/scans\/[a-z0-9]+$/);
  const scanPath = new URL(page.url()).pathname;
  const progress = page.getByRole("heading", { name: "Progress", exact: true });
  const result = page.getByRole("heading", { name: "Scores by pillar" });
  await expect(progress.or(result)).toBeVisible();
  if (await progress.isVisible()) {
    await snap(page, "flow-scan-progress-1440");
    await expectNoA11yViolations(page, "scan progress");
  }
  await expect(result).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId("overall-grade")).toHaveText(/^[A-F][+-]?$/);
  await expect(page.getByRole("heading", { name: "Pages scanned (2)" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Findings of this scan by pillar and severity" })).toContainText("Accessibility");
  await expectNoA11yViolations(page, "scan result");
  await snap(page, "flow-scan-result-1440");
  const fix = await page.request.get(`${scanPath}/fix`);
  expect(fix.status()).toBe(200);
  expect(await fix.text()).toContain("security-fix/v1");
  await page.setViewportSize({ width: 375, height: 812 });
  await snap(page, "flow-scan-result-375");
  await page.setViewportSize({ width: 1440, height: 900 });

  // Triage (the findings screen): filter to security, select all, bulk-change the status of every one.
  await page.getByRole("link", { name: "Triage findings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
  await page.getByLabel("Filter by pillar").selectOption("security");
  await page.waitForURL(/pillar=security/);
  await page.getByLabel("Select all findings on this page").check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText(/[2-9] selected|\d\d selected/);
  await bulk.getByLabel("Status for selected").selectOption("accepted_risk");
  await expect(bulk.getByRole("button", { name: "Apply status" })).toBeDisabled();
  await bulk.getByLabel(/^Justification/).fill("Staging copy of the site; fixed in production.");
  await bulk.getByRole("button", { name: "Apply status" }).click();
  // Accepted risks leave the default view (open and in progress): the list empties, bulk bar and all.
  await expect(page.getByText("No findings match these filters")).toBeVisible();
  await page.getByLabel("Filter by status").selectOption("open");
  await page.waitForURL(/status=open/);
  await expect(page.getByRole("checkbox", { name: /^Select finding / })).toHaveCount(0);
  await page.getByLabel("Filter by status").selectOption("accepted_risk");
  await page.waitForURL(/status=accepted_risk/);
  await expect(page.getByRole("checkbox", { name: /^Select finding / }).first()).toBeVisible();
  await snap(page, "flow-findings-triaged-1440");

  // Settings: create an API key, see it once, revoke it.
  await nav.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Key name").fill("e2e key");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByText("API key “e2e key” created")).toBeVisible();
  await page.getByRole("button", { name: "Revoke API key e2e key" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("table", { name: "API keys of this organization" })).toContainText("Revoked");

  // Directory: not listed until the owner opts in.
  await page.goto("/directory");
  await expect(page.getByRole("link", { name: host })).toHaveCount(0);
  await page.goto(`${orgPath}/domains`);
  await page.getByRole("link", { name: host }).click();
  await page.getByRole("link", { name: "Settings & badge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Domain settings" })).toBeVisible();
  await expect(page.getByRole("img", { name: `Plumb score for ${host}` })).toBeVisible();
  await page.getByLabel("List this domain in the public directory").check();
  // The site has two pages: scans of two count for its public result (a domain's grade only counts scans of
  // at least its page count, 10 by default, which is why the badge said "not scanned yet" until now).
  await page.getByLabel("Pages per scan").fill("2");
  await page.getByLabel("Organization name").fill(account.orgName);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await expectNoA11yViolations(page, "domain settings");
  await snap(page, "flow-domain-settings-1440");

  await page.goto("/directory");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: host }) });
  await expect(card).toContainText(account.orgName);
  await expect(card.getByRole("img", { name: /Plumb score \d+/ })).toBeVisible();
  await expectNoA11yViolations(page, "directory");
  await snap(page, "flow-directory-1440");

  // A second scan after the site fixed its image: the result lists it as fixed, the domain shows a trend.
  site.fixImage();
  await page.goto(`${orgPath}/domains`);
  await page.getByRole("link", { name: host }).click();
  await page.getByRole("button", { name: "New scan" }).click();
  await dialog.getByRole("button", { name: "Clear" }).click();
  await dialog.getByRole("checkbox", { name: "Accessibility" }).check();
  await dialog.getByRole("checkbox", { name: "Security" }).check();
  await dialog.getByLabel("Maximum pages").fill("2");
  await dialog.getByRole("button", { name: "Start scan (2 credits)" }).click();
  await page.waitForURL((url) => /\/scans\/[a-z0-9]+$/.test(url.pathname) && url.pathname !== scanPath);
  await expect(result).toBeVisible({ timeout: 180_000 });
  await expect(page.getByRole("list", { name: "Fixed findings" })).toContainText(/alternative|alt/i);
  await snap(page, "flow-scan-second-1440");
  await page.getByRole("link", { name: host }).first().click();
  await expect(page.getByRole("table", { name: /Overall score of the last 2 scans/ })).toBeAttached();
  await expectNoA11yViolations(page, "domain with history");
  await snap(page, "flow-domain-history-1440");

  // The overview now shows the scans and the open findings left.
  await page.goto(orgPath);
  await expect(page.getByRole("heading", { name: "Latest scans" })).toBeVisible();
  await expectNoA11yViolations(page, "overview with data");
  await snap(page, "flow-overview-1440");
  await page.setViewportSize({ width: 375, height: 812 });
  await snap(page, "flow-overview-375");
});

test("public self-audit: questionnaire -> score and advice", async ({ page }) => {
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Free website self-audit" })).toBeVisible();
  await expectNoA11yViolations(page, "self-audit");
  // Submitting with answers missing says what is missing.
  await page.getByRole("button", { name: "See my score" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some answers are missing" })).toBeVisible();
  const groups = page.getByRole("group");
  const count = await groups.count();
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole("radio", { name: i % 2 === 0 ? "Yes" : "No", exact: true }).check();
  await page.getByLabel("Email").fill(`audit-${Date.now()}@example.test`);
  await page.getByLabel("Website").fill("example.com");
  await page.getByRole("button", { name: "See my score" }).click();
  await expect(page.getByRole("heading", { name: "Your self-audit score" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What to do next" })).toBeVisible();
  await expectNoA11yViolations(page, "self-audit result");
  await snap(page, "self-audit-result-1440");
  await page.setViewportSize({ width: 375, height: 812 });
  await snap(page, "self-audit-result-375");
});
