import { expect, test } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signIn, signOut, signUp } from "./support/account";
import { snap } from "./support/artifacts";

const SECTIONS = [
  { link: "Domains", heading: "Domains", empty: "No domains yet" },
  { link: "Scans", heading: "Scans", empty: "No scans yet" },
  { link: "Findings", heading: "Findings", empty: "No findings yet" },
  { link: "Reports", heading: "Reports", empty: "No reports yet" },
] as const;

test("sign up, land on the empty dashboard, sign out, sign in again", async ({ page }) => {
  const account = newAccount("signup");

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoA11yViolations(page, "landing");
  await snap(page, "landing-1440");
  await page.getByRole("link", { name: "Create a free account" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await expectNoA11yViolations(page, "sign-up");
  await snap(page, "sign-up-1440");

  const orgPath = await signUp(page, account);
  const nav = page.getByRole("navigation", { name: "Organization" });
  await expect(page.getByRole("button", { name: new RegExp(`Organization: ${account.orgName} \\(switch organization\\)`) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expectNoA11yViolations(page, "overview");
  await snap(page, "overview-1440");

  for (const s of SECTIONS) {
    await nav.getByRole("link", { name: s.link }).click();
    await expect(page.getByRole("heading", { level: 1, name: s.heading })).toBeVisible();
    await expect(page.getByRole("heading", { name: s.empty })).toBeVisible();
    await expect(nav.getByRole("link", { name: s.link })).toHaveAttribute("aria-current", "page");
    await expectNoA11yViolations(page, s.heading);
    await snap(page, `${s.heading.toLowerCase()}-1440`);
  }
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("table", { name: "Members of this organization" })).toContainText(account.email);
  await expect(page.getByRole("table", { name: "Members of this organization" })).toContainText("Owner");
  await expectNoA11yViolations(page, "settings");
  await snap(page, "settings-1440");

  await page.getByRole("button", { name: /switch organization/ }).click();
  await expect(page.getByRole("link", { name: new RegExp(account.orgName) })).toHaveAttribute("aria-current", "page");
  await snap(page, "org-switcher-open-1440");
  await page.keyboard.press("Escape");

  await signOut(page);
  // The dashboard is closed again once signed out.
  await page.goto(orgPath);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);

  await signIn(page, account.email, account.password);
  await page.waitForURL((url) => url.pathname === orgPath);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  const account = newAccount("wrongpw");
  await signUp(page, account);
  await signOut(page);

  await signIn(page, account.email, `${account.password}-typo`);
  // Scoped to main: Next.js' route announcer is also role="alert".
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toHaveText("Incorrect email or password. Check them and try again.");
  await expect(page).toHaveURL(/\/sign-in$/);
  // The email stays filled in, the password does not.
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expectNoA11yViolations(page, "sign-in with error");
  await snap(page, "sign-in-wrong-password-1440");

  await page.goto("/o");
  await expect(page).toHaveURL(/\/sign-in/);

  // An unknown email gets the same message (no account enumeration).
  await signIn(page, `nobody-${account.email}`, account.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password. Check them and try again.");
});

test("sign-up validates its fields and answers a taken email exactly like a new one", async ({ page }) => {
  const account = newAccount("validate");
  await page.goto("/sign-up");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await expect(page.getByText(/Password strength: Too short/)).toBeVisible();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Password must be at least 10 characters.")).toBeVisible();
  await expect(page.getByText("Organization name is required.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Work email")).toHaveValue("not-an-email");
  await snap(page, "sign-up-invalid-1440");

  // A common password is refused even when long enough.
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill("1234567890");
  await page.getByLabel("Organization name").fill("Common Co");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is too common. Choose one that is harder to guess.")).toBeVisible();

  await signUp(page, account);
  await expect(page.getByRole("region", { name: "Verify your e-mail" })).toBeVisible();
  await snap(page, "verify-email-banner-1440");
  await signOut(page);
  const answers: string[] = [];
  for (const email of [account.email, newAccount("fresh").email]) {
    await page.goto("/sign-up");
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("some other password");
    await page.getByLabel("Organization name").fill("Another org");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Check your e-mail")).toBeVisible();
    answers.push((await page.getByRole("main").innerText()).replace(email, "<email>"));
  }
  expect(answers[0]).toBe(answers[1]);
  await expect(page.getByText("An account with this email already exists")).toHaveCount(0);
  await snap(page, "sign-up-check-email-1440");
});

test("forgot password answers the same for any address", async ({ page }) => {
  const account = newAccount("forgot");
  await signUp(page, account);
  await signOut(page);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expectNoA11yViolations(page, "forgot password");
  const answers: string[] = [];
  for (const email of [account.email, `nobody-${account.email}`]) {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText("Check your e-mail")).toBeVisible();
    answers.push((await page.getByRole("main").innerText()).replace(email, "<email>"));
  }
  expect(answers[0]).toBe(answers[1]);
  await snap(page, "forgot-password-sent-1440");
  await page.goto("/reset-password/not-a-real-token-but-long-enough");
  await expect(page.getByText("This link is not valid any more")).toBeVisible();
});

test("members only: another organization's URL is a 404, and sign-in returns to the requested page", async ({ browser }) => {
  const alice = newAccount("alice");
  const bob = newAccount("bob");
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  try {
    const alicePage = await aliceContext.newPage();
    const bobPage = await bobContext.newPage();
    const aliceOrg = await signUp(alicePage, alice);
    const bobOrg = await signUp(bobPage, bob);

    for (const path of [bobOrg, `${bobOrg}/settings`, `${bobOrg}/findings`]) {
      const res = await alicePage.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(alicePage.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(alicePage.getByText(bob.orgName)).toHaveCount(0);
    }
    await snap(alicePage, "not-a-member-404-1440");

    // Signed out, a deep link goes through sign-in and comes back.
    await alicePage.goto(aliceOrg);
    await signOut(alicePage);
    await alicePage.goto(`${aliceOrg}/scans`);
    await expect(alicePage).toHaveURL(/\/sign-in\?callbackUrl=/);
    await signIn(alicePage, alice.email, alice.password);
    await alicePage.waitForURL((url) => url.pathname === `${aliceOrg}/scans`);
    await expect(alicePage.getByRole("heading", { level: 1, name: "Scans" })).toBeVisible();
  } finally {
    await aliceContext.close();
    await bobContext.close();
  }
});

test("the landing page and dashboard work at 375 px", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Create a free account" })).toBeVisible();
  await snap(page, "landing-375");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await signUp(page, newAccount("mobile"));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoA11yViolations(page, "overview at 375px");
  await snap(page, "overview-375");
  // Every section is in sight on a phone, not behind a sideways scroll.
  const nav = page.getByRole("navigation", { name: "Organization" });
  for (const name of ["Overview", "Domains", "Scans", "Findings", "Reports", "Settings"]) await expect(nav.getByRole("link", { name })).toBeInViewport({ ratio: 1 });
  await nav.getByRole("link", { name: "Findings" }).click();
  await expect(page.getByRole("heading", { name: "No findings yet" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await snap(page, "findings-375");
  await page.getByRole("button", { name: "Account menu" }).click();
  await snap(page, "account-menu-375");
});

test("keyboard only: skip link, sign-in form and navigation", async ({ page }) => {
  const account = newAccount("keyboard");
  await signUp(page, account);
  await signOut(page);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await page.getByLabel("Email").focus();
  await page.keyboard.type(account.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  // The account menu opens from the keyboard and Escape closes it, returning focus to its button.
  const menuButton = page.getByRole("button", { name: "Account menu" });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(menuButton).toBeFocused();
});

test("a member of several organizations creates one and switches between them", async ({ page }) => {
  const account = newAccount("multi");
  const firstOrg = await signUp(page, account);

  await page.getByRole("button", { name: /switch organization/ }).click();
  await page.getByRole("link", { name: "New organization" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New organization" })).toBeVisible();
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("Organization name is required.")).toBeVisible();
  await page.getByLabel("Organization name").fill(`Second ${account.orgName}`);
  await expectNoA11yViolations(page, "new organization");
  await snap(page, "new-organization-1440");
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL((url) => url.pathname !== "/organizations/new" && url.pathname.startsWith("/o/"));
  const secondOrg = new URL(page.url()).pathname;
  expect(secondOrg).not.toBe(firstOrg);
  await expect(page.getByRole("button", { name: new RegExp(`Organization: Second ${account.orgName}`) })).toBeVisible();

  await page.getByRole("button", { name: /switch organization/ }).click();
  const switcherLinks = page.getByRole("link", { name: new RegExp(account.orgName) });
  await expect(switcherLinks).toHaveCount(2);
  await snap(page, "org-switcher-two-orgs-1440");
  await page.getByRole("link", { name: new RegExp(`^${account.orgName}`) }).click();
  await page.waitForURL((url) => url.pathname === firstOrg);
  await expect(page.getByRole("button", { name: new RegExp(`Organization: ${account.orgName} \\(switch`) })).toBeVisible();
});

test("repeated wrong passwords on one account are stopped with a clear message", async ({ page }) => {
  const account = newAccount("guess");
  await signUp(page, account);
  await signOut(page);

  const alert = page.getByRole("main").getByRole("alert");
  // Five wrong passwords from one address are answered as such (lib/auth/sign-in-limits.ts)…
  for (let i = 0; i < 5; i++) {
    await signIn(page, account.email, `wrong guess ${i}`);
    await expect(alert).toHaveText("Incorrect email or password. Check them and try again.");
    // The form clears the password after each failure; type the next guess only once that has happened.
    await expect(page.getByLabel("Password")).toHaveValue("");
  }
  // …then this address waits before its next try, even with the right password (a fresh address would not).
  await signIn(page, account.email, account.password);
  await expect(alert).toHaveText(/^Too many sign-in attempts from here\. Wait (a minute|\d+ minutes) and try again\.$/);
  await expect(page).toHaveURL(/\/sign-in$/);
});
