import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signIn, signOut, signUp } from "./support/account";
import { snap } from "./support/artifacts";
import { serveFixtureSite, type FixtureSite } from "./support/fixture-site";
import { inviteLinkFromMailPage, signUpFromInvitation } from "./support/invitations";

// Findings triage and settings, in real Chromium against the real server. The findings come from a real
// scan: the spec adds a loopback fixture site through the API with the browser's session, verifies it with
// the meta tag, runs a one-page scan and waits for it (the e2e server allows private targets).

let site: FixtureSite;
test.beforeAll(async () => {
  site = await serveFixtureSite();
});
test.afterAll(async () => {
  await site?.close();
});

async function scanFixture(api: APIRequestContext): Promise<{ domainId: string; host: string }> {
  const created = await api.post("/api/v1/domains", { data: { url: site.origin } });
  expect(created.status(), await created.text()).toBe(201);
  const domain = (await created.json()).data as { id: string; hostname: string; verify_token: string };
  site.setToken(domain.verify_token);
  const verified = await api.post(`/api/v1/domains/${domain.id}/verify`, { data: {} });
  expect(verified.ok(), await verified.text()).toBe(true);
  const scan = await api.post("/api/v1/scans", { data: { domain_id: domain.id, pillars: ["accessibility", "security", "seo"], max_pages: 1 } });
  expect(scan.status(), await scan.text()).toBe(202);
  const scanId = (await scan.json()).data.scan.id as string;
  await expect
    .poll(async () => (await (await api.get(`/api/v1/scans/${scanId}`)).json()).data.status as string, { timeout: 180_000, intervals: [500, 1000] })
    .toBe("succeeded");
  return { domainId: domain.id, host: domain.hostname };
}

test("triage findings: filter, keyboard select, bulk status, drawer; API key shown once, works, revoked; invite a member", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const account = newAccount("triage");
  const orgPath = await signUp(page, account);
  const { host } = await scanFixture(page.request);
  const nav = page.getByRole("navigation", { name: "Organization" });

  // --- Findings table
  await nav.getByRole("link", { name: "Findings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
  const table = page.getByRole("table", { name: /^Findings, \d+ on this page/ });
  await expect(table).toBeVisible();
  await expect(table).toContainText(host);
  // One row per root cause, with a total, open + in progress by default, and where it was seen.
  await expect(page.getByTestId("findings-total")).toHaveText(/^\d+ findings? open and in progress$/);
  await expect(table.getByRole("columnheader", { name: "Where" })).toBeVisible();
  await expect(table.getByTestId("finding-counts").first()).toHaveText(/^\d+ pages?/);
  await expect(table.getByRole("link", { name: /Severity \(worst first\)/ })).toBeVisible();
  await expectNoA11yViolations(page, "findings");
  await snap(page, "findings-1440");

  await page.getByLabel("Filter by pillar").selectOption("security");
  await page.waitForURL(/pillar=security/);
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toContainText("Security");
  const securityCount = await rows.count();
  expect(securityCount, "the fixture over plain http has several security findings").toBeGreaterThanOrEqual(3);
  for (let i = 0; i < securityCount; i++) await expect(rows.nth(i)).toContainText("Security");

  // Keyboard: j moves into the table, x selects, j moves on, x selects the second.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("2 selected");
  await expect(rows.nth(0).getByRole("checkbox")).toBeChecked();
  await expect(rows.nth(1).getByRole("checkbox")).toBeChecked();
  // A third one by mouse, through its accessible name.
  const third = (await rows.nth(2).getByRole("link").first().textContent())!.trim();
  await page.getByRole("checkbox", { name: `Select finding ${third}` }).check();
  await expect(bulk).toContainText("3 selected");
  await snap(page, "findings-selected-1440");
  await bulk.getByLabel("Status for selected").selectOption("in_progress");
  await bulk.getByRole("button", { name: "Apply status" }).click();
  await expect(bulk.getByRole("status").last()).toHaveText("Updated 3 findings.");

  await page.getByLabel("Filter by status").selectOption("in_progress");
  await page.waitForURL(/status=in_progress/);
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText("In progress");

  // Sorting and search stay in the URL with the filters.
  await table.getByRole("link", { name: /Last seen/ }).click();
  await page.waitForURL(/sort=last_seen/);
  expect(page.url()).toContain("status=in_progress");
  await expect(rows).toHaveCount(3);

  // --- Drawer: Enter opens, triage controls work, Esc closes and focus returns to the row.
  const firstLink = rows.first().getByRole("link").first();
  const title = (await firstLink.textContent())!.trim();
  await firstLink.focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: title });
  await expect(drawer).toBeVisible();
  await page.waitForURL(/finding=/);
  await expect(drawer.getByRole("heading", { name: "How to fix it" })).toBeVisible();
  await expect(drawer.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(drawer.getByRole("table", { name: "Seen in 1 scan" })).toBeVisible();
  await expect(drawer.getByRole("heading", { name: /^Where \(\d+ pages?, \d+ instances?\)$/ })).toBeVisible();
  const instances = drawer.getByTestId("finding-instances");
  await expect(instances.locator("tbody tr").first()).toBeVisible();
  for (const link of await instances.getByRole("link").all()) {
    await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  }
  await expectNoA11yViolations(page, "finding drawer");
  await snap(page, "finding-drawer-1440");
  // A false positive needs a reason: refused without one, kept in the history with it.
  await drawer.getByLabel("Change status").selectOption("false_positive");
  const why = drawer.getByLabel(/^Justification/);
  await expect(why).toBeVisible();
  await drawer.getByRole("button", { name: "Save changes" }).click();
  await expect(drawer.getByRole("status").filter({ hasText: /Say why/ })).toBeVisible();
  await why.fill("The <b>header</b> is set by our CDN, not the origin.");
  await snap(page, "finding-drawer-justify-1440");
  await drawer.getByRole("button", { name: "Save changes" }).click();
  await expect(drawer.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(drawer.getByText("False positive", { exact: true }).first()).toBeVisible();
  const history = drawer.getByTestId("finding-history");
  await expect(history).toContainText("to False positive");
  // Escaped as text, never markup.
  await expect(history).toContainText("Why: The <b>header</b> is set by our CDN, not the origin.");
  await expect(history.locator("b")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(page).not.toHaveURL(/finding=/);
  // It left the in-progress list.
  await expect(rows).toHaveCount(2);

  // Group by page: each page with the findings seen on it.
  await page.getByRole("navigation", { name: "Group findings" }).getByRole("link", { name: "Page" }).click();
  await page.waitForURL(/group=page/);
  await expect(page.getByTestId("findings-by-page").getByRole("region").first()).toBeVisible();
  await snap(page, "findings-by-page-1440");
  await page.getByRole("navigation", { name: "Group findings" }).getByRole("link", { name: "Rule" }).click();
  await page.waitForURL((u) => !u.search.includes("group="));

  await page.setViewportSize({ width: 375, height: 812 });
  await page.getByLabel("Filter by status").selectOption("");
  await page.waitForURL((u) => !u.search.includes("status="));
  await snap(page, "findings-375");
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "nothing scrolls sideways at 375 px").toBeLessThanOrEqual(375);
  await rows.first().getByRole("link").first().click();
  await expect(page.getByRole("dialog").getByRole("heading", { name: "History" })).toBeVisible();
  await snap(page, "finding-drawer-375");
  expect(await page.getByRole("dialog").evaluate((d) => d.scrollWidth <= d.clientWidth + 1), "the drawer does not scroll sideways").toBe(true);
  await page.getByRole("button", { name: "Close finding details" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.setViewportSize({ width: 1440, height: 900 });

  // --- API keys: the raw key once, it works, then revoked it gets 401.
  await nav.getByRole("link", { name: "Settings" }).click();
  const tabs = page.getByRole("navigation", { name: "Settings sections" });
  await tabs.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
  await expectNoA11yViolations(page, "api keys (empty)");
  await page.getByLabel("Key name").fill("CI pipeline");
  await page.getByRole("button", { name: "Create API key" }).click();
  const rawField = page.getByLabel("Your new API key");
  await expect(rawField).toHaveValue(/^plumb_[A-Za-z0-9_-]{20,}$/);
  const rawKey = await rawField.inputValue();
  const keysTable = page.getByRole("table", { name: "API keys of this organization" });
  await expect(keysTable).toContainText(rawKey.slice(0, 12));
  await expect(keysTable).not.toContainText(rawKey);
  await expectNoA11yViolations(page, "api key created");
  await snap(page, "api-key-created-1440");

  const outsider = await playwrightRequest.newContext({ baseURL });
  const withKey = () => outsider.get("/api/v1/domains", { headers: { Authorization: `Bearer ${rawKey}` } });
  const ok = await withKey();
  expect(ok.status()).toBe(200);
  expect(JSON.stringify(await ok.json())).toContain(host);

  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await expect(page.getByLabel("Your new API key")).toHaveCount(0);
  await expect(keysTable).toContainText("CI pipeline");
  await keysTable.getByRole("button", { name: "Revoke API key CI pipeline" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke “CI pipeline”?" });
  await expect(confirm).toBeVisible();
  await snap(page, "api-key-revoke-confirm-1440");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(keysTable).toContainText("Revoked");
  expect((await withKey()).status()).toBe(401);
  await outsider.dispose();

  // --- Members: invite by email; the invitee follows the e-mailed link (read on the owners' mail page), signs up, accepts.
  await tabs.getByRole("link", { name: "Members" }).click();
  const invitee = newAccount("invitee");
  const inviteForm = page.getByRole("form", { name: "Invite a member" });
  await inviteForm.getByLabel("Email address").fill(invitee.email);
  await inviteForm.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Invite member" }).click();
  await expect(page.getByText(`Invited ${invitee.email}.`)).toBeVisible();
  const members = page.getByRole("table", { name: "Members of this organization" });
  await expect(members.getByRole("row").filter({ hasText: invitee.email })).toContainText("Invited");
  // The only owner cannot be demoted or removed: there is nothing to click.
  await expect(members.getByRole("button", { name: `Remove ${account.email}` })).toHaveCount(0);
  await expectNoA11yViolations(page, "members");
  await snap(page, "members-1440");
  const inviteLink = await inviteLinkFromMailPage(page, orgPath, invitee.email);

  const other = await browser.newContext();
  const inviteePage = await other.newPage();
  await inviteePage.goto(inviteLink);
  await signUpFromInvitation(inviteePage, invitee);
  await inviteePage.getByRole("button", { name: "Accept invitation" }).click();
  await inviteePage.waitForURL((url) => url.pathname === orgPath);
  await expect(inviteePage.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await inviteePage.goto(`${orgPath}/settings/members`);
  await expect(inviteePage.getByText("Only owners and admins can invite people or change roles.")).toBeVisible();
  await inviteePage.goto(`${orgPath}/findings`);
  // Viewers read findings but have nothing to select or change.
  await expect(inviteePage.getByRole("table", { name: /^Findings/ })).toBeVisible();
  await expect(inviteePage.getByRole("region", { name: "Bulk actions" })).toHaveCount(0);
  await other.close();

  await page.goto(`${orgPath}/settings/members`);
  await expect(members.getByRole("row").filter({ hasText: invitee.email })).toContainText("Active");

  // Someone who already has an account joins nothing by signing in: only the link does.
  const existing = newAccount("existing");
  const existingContext = await browser.newContext();
  const existingPage = await existingContext.newPage();
  await signUp(existingPage, existing);
  await signOut(existingPage);
  await inviteForm.getByLabel("Email address").fill(existing.email);
  await inviteForm.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Invite member" }).click();
  await expect(members.getByRole("row").filter({ hasText: existing.email })).toContainText("Invited");
  await existingPage.goto(orgPath);
  await signIn(existingPage, existing.email, existing.password);
  await existingPage.waitForURL((url) => url.pathname === orgPath);
  await expect(existingPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await existingContext.close();
  await page.reload();
  await expect(members.getByRole("row").filter({ hasText: existing.email })).toContainText("Invited");
  // Revoking the invitation removes it.
  await members.getByRole("button", { name: `Revoke invitation for ${existing.email}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
  await expect(members.getByRole("row").filter({ hasText: existing.email })).toHaveCount(0);
  await tabs.getByRole("link", { name: "Members" }).click();

  // --- Credits: balance and the ledger of the scan above.
  await tabs.getByRole("link", { name: "Credits" }).click();
  await expect(page.getByRole("heading", { name: "Credit balance" })).toBeVisible();
  const ledger = page.getByRole("table", { name: "Credit ledger, newest first" });
  await expect(ledger).toContainText("Monthly free credits");
  await expect(ledger).toContainText("Scan (credits reserved)");
  await expectNoA11yViolations(page, "credits");
  await snap(page, "credits-1440");

  // --- General: rename.
  await tabs.getByRole("link", { name: "General" }).click();
  await page.getByLabel("Organization name").fill(`${account.orgName} Renamed`);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Organization name saved.")).toBeVisible();
  await page.setViewportSize({ width: 375, height: 812 });
  await tabs.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "Keys" })).toBeVisible();
  await snap(page, "api-keys-375");
});
