import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signIn, signOut, signUp, type TestAccount } from "./support/account";
import { snap } from "./support/artifacts";

// Several sign-ins per test on a shared, busy machine.
test.describe.configure({ timeout: 240_000 });

async function totpCode(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

async function noSideScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "page scrolls sideways").toBeLessThanOrEqual(0);
}

async function signUpAt(page: Page, origin: string, account: TestAccount): Promise<void> {
  await page.goto(`${origin}/sign-up`);
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Organization name").fill(account.orgName);
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up answers "check your e-mail" and signs nobody in (lib/services/users): sign in on this origin.
  await expect(page.getByText("Check your e-mail")).toBeVisible();
  await page.getByRole("link", { name: "Continue to sign in" }).click();
  await page.waitForURL(/\/sign-in\?/);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/o\/[a-z0-9-]+$/);
}

test("TOTP: enrol in account security, then sign in with a code from the app", async ({ page }) => {
  const account = newAccount("totp");
  await signUp(page, account);
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("link", { name: "Account security" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account security" })).toBeVisible();
  // This browser's session is listed and marked.
  await expect(page.getByRole("list", { name: "Active sessions" }).getByText("This device")).toBeVisible();

  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  // The QR code is an image rendered on the server (SVG data: URL) that the CSP lets the page show.
  const qr = page.getByRole("img", { name: /QR code of your authenticator key/ });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  await snap(page, "account-security-totp-qr-1440");
  await page.getByLabel("Code from the app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByTestId("recovery-codes").locator("li");
  await expect(codes).toHaveCount(10);
  await expectNoA11yViolations(page, "account security with recovery codes");
  await snap(page, "account-security-1440");
  await page.setViewportSize({ width: 375, height: 800 });
  await noSideScroll(page);
  await snap(page, "account-security-375");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText("On", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Back to dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await signOut(page);
  await signIn(page, account.email, account.password);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await expectNoA11yViolations(page, "two-factor step");
  await snap(page, "sign-in-2fa-1440");
  await page.setViewportSize({ width: 375, height: 800 });
  await noSideScroll(page);
  await snap(page, "sign-in-2fa-375");
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("#sign-in-error")).toContainText("did not work");
  // The enrolment used this period's code: the next one is accepted (one step of drift is allowed).
  await page.getByLabel("Authentication code").fill(await totpCode(secret, 30));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL(/\/o(\/[a-z0-9-]+)?$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

test("passkey: enrol with a virtual authenticator, then use it as the second factor and for passwordless sign-in", async ({ page, baseURL }) => {
  // WebAuthn refuses IP addresses as relying party ids: use the same server as "localhost" (lib/services/two-factor/webauthn.ts).
  const origin = baseURL!.replace("127.0.0.1", "localhost");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  const account = newAccount("passkey");
  await signUpAt(page, origin, account);
  await page.goto(`${origin}/account/security`);
  await page.getByLabel("Passkey name").fill("Virtual key");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("list", { name: "Passkeys" }).getByText("Virtual key")).toBeVisible();
  // The first factor of an account comes with recovery codes.
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved them" }).click();

  // Password, then the passkey.
  await page.getByRole("link", { name: "Back to dashboard" }).click();
  await signOut(page);
  await signIn(page, account.email, account.password);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await page.waitForURL(/\/o(\/[a-z0-9-]+)?$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  // Passwordless.
  await signOut(page);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await page.waitForURL(/\/o(\/[a-z0-9-]+)?$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

test("sessions: revoking another browser's session signs it out at once", async ({ browser }) => {
  const account = newAccount("sessions");
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const a = await first.newPage();
    const dashboard = await signUp(a, account);
    const b = await second.newPage();
    await b.goto(dashboard);
    await b.waitForURL(/\/sign-in/);
    await signIn(b, account.email, account.password);
    await b.waitForURL(/\/o(\/[a-z0-9-]+)?$/);

    await a.goto("/account/security");
    const list = a.getByRole("list", { name: "Active sessions" });
    await expect(list.locator("li")).toHaveCount(2);
    await expect(list.locator("li[data-current=true]")).toContainText("This device");
    await list.locator("li:not([data-current])").getByRole("button", { name: /Revoke session/ }).click();
    await expect(list.locator("li")).toHaveCount(1);

    await b.reload();
    await b.waitForURL(/\/sign-in/);
    // The first browser is still signed in.
    await a.goto(dashboard);
    await expect(a.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

    // Sign out everywhere from the user menu ends the first browser's session too.
    await a.getByRole("button", { name: "Account menu" }).click();
    await a.getByRole("link", { name: "Sign out everywhere" }).click();
    await a.waitForURL(/\/sign-in$/);
    await a.goto(dashboard);
    await a.waitForURL(/\/sign-in/);
  } finally {
    await first.close();
    await second.close();
  }
});
