import { expect, test } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signIn, signUp } from "./support/account";
import { snap } from "./support/artifacts";
import { inviteLinkFromMailPage, signUpFromInvitation } from "./support/invitations";

// Invitations end to end without a mail server: the owner invites, reads the link under Settings -> Mail,
// and the invitee signs up from it and accepts. Only the invited address can; the link works once.
test("owner invites, reads the link on the mail page, invitee signs up and accepts", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const owner = newAccount("inviter");
  const orgPath = await signUp(page, owner);
  const tabs = page.getByRole("navigation", { name: "Settings sections" });

  await page.goto(`${orgPath}/settings/members`);
  const invitee = newAccount("invited");
  const form = page.getByRole("form", { name: "Invite a member" });
  await form.getByLabel("Email address").fill(invitee.email);
  await form.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Invite member" }).click();
  await expect(page.getByText(`Invited ${invitee.email}.`)).toBeVisible();
  const members = page.getByRole("table", { name: "Members of this organization" });
  await expect(members.getByRole("button", { name: `Resend invitation to ${invitee.email}` })).toBeVisible();
  await expect(members.getByRole("button", { name: `Revoke invitation for ${invitee.email}` })).toBeVisible();
  await snap(page, "members-invited-1440");

  await expect(tabs.getByRole("link", { name: "Mail" })).toBeVisible();
  const link = await inviteLinkFromMailPage(page, orgPath, invitee.email);
  await expect(page.getByRole("heading", { name: /Invitation to join/ }).first()).toBeVisible();
  await expectNoA11yViolations(page, "mail page");
  await snap(page, "settings-mail-1440");
  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await snap(page, "settings-mail-375");
  await page.setViewportSize({ width: 1440, height: 900 });

  // Someone else, signed in with another address, is refused.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, newAccount("intruder"));
  await other.goto(link);
  await expect(other.getByText("This invitation is for another address")).toBeVisible();
  await expect(other.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
  await snap(other, "invite-wrong-address-1440");
  await otherContext.close();

  // The invitee: signed out, signs up from the link, comes back, accepts.
  const inviteeContext = await browser.newContext();
  const p = await inviteeContext.newPage();
  await p.goto(link);
  await expect(p.getByRole("heading", { level: 1, name: `Join ${owner.orgName} on Plumb` })).toBeVisible();
  await expectNoA11yViolations(p, "invitation signed out");
  await snap(p, "invite-signed-out-1440");
  await signUpFromInvitation(p, invitee);
  await expect(p.getByRole("button", { name: "Accept invitation" })).toBeVisible();
  await snap(p, "invite-accept-1440");
  await p.setViewportSize({ width: 375, height: 812 });
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await snap(p, "invite-accept-375");
  await p.setViewportSize({ width: 1440, height: 900 });
  await p.getByRole("button", { name: "Accept invitation" }).click();
  await p.waitForURL((url) => url.pathname === orgPath);
  await expect(p.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  // Accepting the link sent to the address verified it: no banner.
  await expect(p.getByRole("region", { name: "Verify your e-mail" })).toHaveCount(0);
  // Non-owners have no mail tab, and the page itself is a 404.
  await p.goto(`${orgPath}/settings`);
  await expect(p.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Mail" })).toHaveCount(0);
  expect((await p.goto(`${orgPath}/settings/mail`))?.status()).toBe(404);
  // The link is spent.
  await p.goto(link);
  await expect(p.getByText("This invitation link is not valid")).toBeVisible();
  await inviteeContext.close();

  await page.goto(`${orgPath}/settings/members`);
  await expect(members.getByRole("row").filter({ hasText: invitee.email })).toContainText("Active");

  // An existing account accepts after signing in from the link.
  const existing = newAccount("existing");
  const existingContext = await browser.newContext();
  const e = await existingContext.newPage();
  await signUp(e, existing);
  await e.context().clearCookies();
  await form.getByLabel("Email address").fill(existing.email);
  await page.getByRole("button", { name: "Invite member" }).click();
  await expect(page.getByText(`Invited ${existing.email}.`)).toBeVisible();
  const existingLink = await inviteLinkFromMailPage(page, orgPath, existing.email);
  await e.goto(existingLink);
  await e.getByRole("link", { name: "Sign in to accept" }).click();
  await expect(e.getByLabel("Email")).toHaveValue(existing.email);
  await signIn(e, existing.email, existing.password);
  await e.waitForURL(/\/invite\//);
  await e.getByRole("button", { name: "Accept invitation" }).click();
  await e.waitForURL((url) => url.pathname === orgPath);
  await existingContext.close();
});
