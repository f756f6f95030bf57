import { expect, type Page } from "@playwright/test";
import type { TestAccount } from "./account";

/**
 * The invitation link for `email`, read the way an owner does without a mail server: Settings -> Mail.
 * `page` is signed in as an owner of the organization at `orgPath`.
 */
export async function inviteLinkFromMailPage(page: Page, orgPath: string, email: string): Promise<string> {
  await page.goto(`${orgPath}/settings/mail`);
  const message = page.getByRole("list", { name: "Messages" }).getByRole("listitem").filter({ hasText: email }).first();
  await expect(message).toBeVisible();
  const href = await message.getByRole("link", { name: /\/invite\// }).first().getAttribute("href");
  expect(href).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  return href!;
}

/** From an invitation page while signed out: create the account (address prefilled), sign in, and come back. */
export async function signUpFromInvitation(page: Page, invitee: TestAccount): Promise<void> {
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByLabel("Work email")).toHaveValue(invitee.email);
  // Joining an organization: none of its own is asked for.
  await expect(page.getByLabel("Organization name")).toHaveCount(0);
  await page.getByLabel("Your name").fill(invitee.name);
  await page.getByLabel("Password", { exact: true }).fill(invitee.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your e-mail")).toBeVisible();
  await page.getByRole("link", { name: "Continue to sign in" }).click();
  await expect(page.getByLabel("Email")).toHaveValue(invitee.email);
  await page.getByLabel("Password").fill(invitee.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/invite\//);
}
