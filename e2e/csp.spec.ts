import { expect, test, type Page } from "@playwright/test";
import { watchCsp } from "./support/csp";
import { newAccount, signUp } from "./support/account";
import { serveFixtureSite, type FixtureSite } from "./support/fixture-site";

// Every screen works under the app's strict Content-Security-Policy (nonce-based scripts, no 'unsafe-inline'
// for scripts): each page hydrates (a client-side interaction works) and the browser reports no violation.
// The flow reaches every dashboard screen with real data: a verified domain and a finished scan.

let site: FixtureSite;
test.beforeAll(async () => {
  site = await serveFixtureSite();
});
test.afterAll(async () => {
  await site?.close();
});

async function visit(page: Page, path: string, heading: RegExp | string): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  const csp = res?.headers()["content-security-policy"] ?? "";
  expect(csp, path).toMatch(/script-src [^;]*'nonce-/);
  expect(csp, path).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  await expect(page.getByRole("heading", { level: 1, name: heading }).first()).toBeVisible();
}

test("no CSP violation on any screen, public or signed in", async ({ page }) => {
  // Slow steps (server actions, a real scan) get long waits: the suite runs on small, shared machines.
  test.setTimeout(600_000);
  const csp = await watchCsp(page);

  for (const [path, heading] of [
    ["/", /./],
    ["/sign-in", /sign in/i],
    ["/sign-up", /./],
    ["/directory", /./],
    ["/audit", /./],
  ] as const) {
    await visit(page, path, heading);
  }

  // Signing up runs the client-side form (hydration under the CSP) and lands on the dashboard.
  const account = newAccount("csp");
  const orgPath = await signUp(page, account);
  expect(await csp.violations()).toEqual([]);

  // A domain, verified through the meta tag, and a scan that finishes: every dashboard screen has content.
  await page.goto(`${orgPath}/domains/new`);
  await page.getByLabel("Domain or URL").fill(site.origin);
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verify ownership" })).toBeVisible({ timeout: 90_000 });
  const domainPath = new URL(page.url()).pathname.replace(/\/verify$/, "");
  const metaTag = (await page.locator("code", { hasText: "plumb-site-verification" }).first().textContent()) ?? "";
  site.setToken(/content="([^"]+)"/.exec(metaTag)![1]);
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByText("Ownership verified")).toBeVisible({ timeout: 90_000 });

  await page.goto(domainPath);
  await page.getByRole("button", { name: "Launch first scan" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a scan" });
  await dialog.getByRole("button", { name: "Clear" }).click();
  await dialog.getByRole("checkbox", { name: "Security" }).check();
  await dialog.getByLabel("Maximum pages").fill("1");
  await dialog.getByRole("button", { name: /Start scan/ }).click();
  await page.waitForURL(/\/scans\/[a-z0-9]+$/);
  const scanPath = new URL(page.url()).pathname;
  // The live progress (SSE under connect-src 'self'), then the result with its charts.
  await expect(page.getByRole("heading", { name: "Scores by pillar" })).toBeVisible({ timeout: 180_000 });

  const screens: [string, RegExp | string][] = [
    [orgPath, "Overview"],
    [`${orgPath}/domains`, /Domains/],
    [`${orgPath}/domains/new`, "Add a domain"],
    [domainPath, /./],
    [`${domainPath}/settings`, /./],
    [`${domainPath}/verify`, /./],
    [`${orgPath}/scans`, /Scans/],
    [scanPath, /./],
    [`${orgPath}/findings`, "Findings"],
    [`${orgPath}/reports`, /./],
    [`${orgPath}/settings`, /./],
    [`${orgPath}/settings/members`, /./],
    [`${orgPath}/settings/api-keys`, /./],
    [`${orgPath}/settings/credits`, /./],
    ["/organizations/new", /./],
  ];
  for (const [path, heading] of screens) await visit(page, path, heading);

  // Client-side navigation and an interaction after hydration: the account menu opens.
  await page.goto(orgPath);
  await page.getByRole("button", { name: "Account menu" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // The badge is still an embeddable image for other sites: shown as <img> on the fixture site (another origin).
  const domainId = domainPath.split("/").pop()!;
  const base = new URL(page.url()).origin;
  const violationsBefore = await csp.violations();
  await page.goto(site.origin);
  const badge = page.waitForResponse((r) => r.url().includes("/api/v1/badge"));
  await page.evaluate((src) => {
    const img = document.createElement("img");
    img.id = "plumb-badge";
    img.alt = "Plumb score";
    img.src = src;
    document.body.append(img);
  }, `${base}/api/v1/badge?id=${domainId}`);
  const badgeResponse = await badge;
  expect(badgeResponse.status()).toBe(200);
  expect(badgeResponse.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  await expect.poll(() => page.evaluate(() => (document.getElementById("plumb-badge") as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  expect(violationsBefore).toEqual([]);

  expect(await csp.violations()).toEqual([]);
});
