import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export interface TestAccount {
  name: string;
  email: string;
  password: string;
  orgName: string;
}

/** Fresh, unique credentials, so specs never depend on each other's data or order. */
export function newAccount(label: string): TestAccount {
  const id = randomBytes(4).toString("hex");
  return {
    name: `Ada ${label}`,
    email: `${label}-${id}@example.test`,
    password: `correct horse ${id}`,
    orgName: `${label} ${id} Ltd`,
  };
}

/**
 * Signs up through the real form (which answers "check your e-mail", the same for every address), signs in
 * with the new password and waits for the new organization's dashboard; returns its URL path. The address
 * stays unverified: its link goes to the server log only.
 */
export async function signUp(page: Page, account: TestAccount): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Organization name").fill(account.orgName);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your e-mail")).toBeVisible();
  await page.getByRole("link", { name: "Continue to sign in" }).click();
  await page.waitForURL(/\/sign-in\?/);
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/o\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  return new URL(page.url()).pathname;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/\/sign-in$/);
}
