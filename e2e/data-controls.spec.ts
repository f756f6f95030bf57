import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signIn, signUp } from "./support/account";
import { snap } from "./support/artifacts";

// Export and deletion screens of an account and an organization (GDPR), at 1440 and 375 px: each state
// (at rest, confirming, scheduled) without sideways scrolling, screenshots for people to look at, and the two
// JSON downloads.

const ARTIFACTS = path.join(import.meta.dirname, "artifacts");

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${label}: page is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}

/** The card at both widths: no sideways scroll, a close-up of the card and a full-page screenshot. */
async function shoot(page: Page, card: Locator, name: string): Promise<void> {
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await card.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page, `${name} at ${width} px`);
    const box = await card.boundingBox();
    expect(box!.x + box!.width, `${name}: the card sticks out at ${width} px`).toBeLessThanOrEqual(width);
    await card.screenshot({ path: path.join(ARTIFACTS, `${name}-card-${width}.png`) });
    await snap(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("account and organization export and deletion screens at 1440 and 375 px", async ({ page }) => {
  test.setTimeout(300_000);
  // A long address, the worst case for the "Type … to confirm" label at 375 px.
  const account = newAccount("data-controls-with-a-rather-long-name");
  const orgPath = await signUp(page, account);
  const orgSlug = orgPath.split("/")[2];

  // --- The downloads answer JSON attachments.
  const mine = await page.request.get("/account/export");
  expect(mine.status()).toBe(200);
  expect(mine.headers()["content-disposition"]).toMatch(/attachment/);
  expect(((await mine.json()) as { format: string }).format).toBe("plumb-user-export/v1");
  const org = await page.request.get(`${orgPath}/settings/export`);
  expect(org.status()).toBe(200);
  expect(((await org.json()) as { format: string }).format).toBe("plumb-organization-export/v1");

  // --- Organization: at rest, confirming, scheduled (with the dashboard banner), canceled.
  await page.goto(`${orgPath}/settings`);
  const orgCard = page.locator("#organization-data");
  await expect(orgCard.getByRole("link", { name: "Export organization data" })).toBeVisible();
  await shoot(page, orgCard, "data-org");
  await orgCard.getByRole("button", { name: "Delete organization" }).click();
  await orgCard.getByLabel(`Type ${orgSlug} to confirm`).fill(orgSlug);
  await expectNoA11yViolations(page, "organization deletion, confirming");
  await shoot(page, orgCard, "data-org-confirm");
  await orgCard.getByRole("button", { name: "Delete organization" }).click();
  await expect(orgCard.getByText(/will be deleted on/)).toBeVisible();
  const banner = page.getByRole("region", { name: "Organization scheduled for deletion" });
  await expect(banner).toBeVisible();
  await shoot(page, orgCard, "data-org-scheduled");
  await page.goto(orgPath);
  await shoot(page, banner, "data-org-banner");
  await expectNoA11yViolations(page, "overview with the deletion banner");
  await banner.getByRole("button", { name: "Cancel deletion" }).click();
  await expect(banner).toHaveCount(0);

  // --- Account: at rest, confirming, then scheduled and seen again after signing back in.
  await page.goto("/account/security");
  const mineCard = page.locator("#your-data");
  await expect(mineCard.getByRole("link", { name: "Download my data" })).toBeVisible();
  await shoot(page, mineCard, "data-account");
  await mineCard.getByRole("button", { name: "Delete my account" }).click();
  await mineCard.getByLabel(`Type ${account.email} to confirm`).fill(account.email);
  await expectNoA11yViolations(page, "account deletion, confirming");
  await shoot(page, mineCard, "data-account-confirm");
  await mineCard.getByRole("button", { name: "Delete my account" }).click();
  await page.waitForURL(/\/sign-in/);
  await signIn(page, account.email, account.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.goto("/account/security");
  await expect(mineCard.getByText(/Your account will be deleted on/)).toBeVisible();
  await shoot(page, mineCard, "data-account-scheduled");
  await mineCard.getByRole("button", { name: "Cancel deletion" }).click();
  await expect(mineCard.getByRole("button", { name: "Delete my account" })).toBeVisible();
});
