import { expect, test, type Page } from "@playwright/test";
import { startCloudflareServer, type CloudflareServer } from "../test/support/providers/cloudflare-server";
import { sendGithubWebhook, startFakeGithub, type FakeGithub } from "../test/support/providers/github";
import { startFakeSentry, type FakeSentry } from "../test/support/providers/sentry-server";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signUp } from "./support/account";
import { snap } from "./support/artifacts";
import { serveFixtureSite, type FixtureSite } from "./support/fixture-site";

// Integrations in the browser, against local providers on the ports the e2e server allows through its SSRF
// guard (playwright.config.ts): GitHub connected with a token → three findings sent from the findings table →
// issues on the local GitHub → one closed there → signed webhook → the finding is resolved as claimed_upstream.
// Then Cloudflare and Sentry on the domain page: zone settings with "fix in Cloudflare" and a one-click fix,
// CSP reports ranking the CSP findings and a note in Sentry. Screenshots at 1440 and 375 px.

const GH_TOKEN = "ghp_e2etesttoken00000000000000000000000";
const CF_TOKEN = "cf-e2e-token-0000000000000000000000";
const SENTRY_TOKEN = "sntrys_e2etesttoken0000000000000";
const REPO = "acme/site";

let site: FixtureSite;
let gh: FakeGithub;
let cf: CloudflareServer;
let sentry: FakeSentry;

test.beforeAll(async () => {
  site = await serveFixtureSite();
  gh = await startFakeGithub({ port: Number(process.env.PLUMB_E2E_GITHUB_PORT) });
  gh.addRepo(REPO);
  gh.addToken(GH_TOKEN, "octo-owner");
  cf = await startCloudflareServer({ port: Number(process.env.PLUMB_E2E_CLOUDFLARE_PORT) });
  cf.addToken(CF_TOKEN, { permissions: ["Zone Read", "Zone Settings Read", "Zone Settings Write"], canReadItself: true });
  cf.addZone("127.0.0.1");
  sentry = await startFakeSentry({ port: Number(process.env.PLUMB_E2E_SENTRY_PORT) });
  sentry.tokens.set(SENTRY_TOKEN, { scopes: ["project:read", "event:read", "event:write"], email: "owner@shop.example" });
  const p = sentry.addProject("acme", "web");
  p.cspEvents.set("script-src-elem", 1200);
  p.cspEvents.set("img-src", 85);
  p.cspEvents.set("base-uri", 3);
  sentry.addCspIssue("acme", "web", "script-src-elem", 1200);
});
test.afterAll(async () => {
  await Promise.all([site?.close(), gh?.close(), cf?.close(), sentry?.close()]);
});

async function apiCall<T>(page: Page, orgSlug: string, method: "GET" | "POST", path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(path, { method, data, headers: { "X-Plumb-Org": orgSlug } });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return ((await res.json()) as { data: T }).data;
}

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  // The culprits named: the innermost elements whose right edge passes the window's.
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== "visible") return true;
      return false;
    };
    const wide = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(el));
    const innermost = wide.filter((el) => !wide.some((o) => o !== el && el.contains(o)));
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 4).join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, culprits: innermost.slice(0, 5).map(name) };
  });
  expect.soft(scrollWidth, `${label}: page is ${scrollWidth} px wide in a ${innerWidth} px window (${culprits.join("; ")})`).toBeLessThanOrEqual(innerWidth);
}

async function snapBoth(page: Page, name: string): Promise<void> {
  await noSidewaysScroll(page, `${name} 1440`);
  await snap(page, `${name}-1440`);
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page, `${name} 375`);
  await snap(page, `${name}-375`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function connect(page: Page, provider: string, fields: Record<string, string>): Promise<void> {
  const form = page.locator(`form[aria-labelledby~="integration-${provider}-connect"]`);
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await form.getByRole("button", { name: "Connect", exact: true }).click();
}

test("integrations: GitHub two-way sync, Cloudflare and Sentry next to the findings", async ({ page }) => {
  test.setTimeout(600_000);
  const orgPath = await signUp(page, newAccount("integrations"));
  const orgSlug = orgPath.split("/")[2];
  const domain = await apiCall<{ id: string; verify_token: string }>(page, orgSlug, "POST", "/api/v1/domains", { url: site.origin });
  site.setToken(domain.verify_token);
  expect((await apiCall<{ verified: boolean }>(page, orgSlug, "POST", `/api/v1/domains/${domain.id}/verify`)).verified).toBe(true);
  const scan = await apiCall<{ scan: { id: string } }>(page, orgSlug, "POST", "/api/v1/scans", { domain_id: domain.id, pillars: ["security"], max_pages: 1 });
  await expect
    .poll(async () => (await apiCall<{ status: string }>(page, orgSlug, "GET", `/api/v1/scans/${scan.scan.id}`)).status, { timeout: 240_000, intervals: [1000] })
    .toBe("succeeded");

  // ---- Connect GitHub with a token (Settings → Integrations).
  await page.goto(`${orgPath}/settings/integrations`);
  await connect(page, "github", { "Personal access token": GH_TOKEN, "API base URL": gh.apiBaseUrl, Repository: REPO });
  await expect(page.getByText("Connected as octo-owner").first()).toBeVisible();
  const webhookUrl = (await page.getByTestId("github-webhook-url").textContent())!.trim();
  const secret = (await page.getByTestId("github-webhook-secret").textContent())!.trim();
  expect(webhookUrl).toMatch(/\/api\/v1\/integrations\/webhooks\/[a-z0-9]+$/);

  // ---- Cloudflare (token) and Sentry (token, self-hosted base URL, project).
  await connect(page, "cloudflare", { "Personal access token": CF_TOKEN, "API base URL": cf.apiBaseUrl });
  await expect(page.getByText(/Connected as token/).first()).toBeVisible();
  await connect(page, "sentry", { "Personal access token": SENTRY_TOKEN, "API base URL": sentry.apiBaseUrl, Project: "acme/web" });
  await expect(page.getByText("Connected as owner@shop.example").first()).toBeVisible();
  await page.reload();
  await expectNoA11yViolations(page, "settings/integrations");
  await snapBoth(page, "integrations-settings");

  // ---- Send three findings from the findings table.
  await page.goto(`${orgPath}/findings`);
  const boxes = page.getByRole("checkbox", { name: /^Select finding / });
  await expect(boxes.first()).toBeVisible();
  expect(await boxes.count()).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.getByRole("button", { name: "Send to GitHub…" }).click();
  await expect(page.getByText(/Sending to GitHub: 3 new issue link/)).toBeVisible();
  await expect.poll(() => gh.repos.get(REPO)!.issues.length, { timeout: 120_000, intervals: [500] }).toBe(3);

  // ---- Close one upstream; GitHub's signed webhook resolves its finding as claimed_upstream.
  // Closed upstream: an issue of neither plain HTTP nor the missing CSP, whose findings must stay open for Cloudflare's
  // one-click fix and Sentry's CSP ranking below (which three findings the issues hold, and in what order, varies).
  const issue = gh.repos.get(REPO)!.issues.find((i) => !/plain-http|csp-/.test(i.body ?? ""))!;
  expect(issue, "an issue to close upstream").toBeDefined();
  const findingId = /findings\?finding=([\w-]+)/.exec(issue.body ?? "")![1]!;
  const bad = await sendGithubWebhook(webhookUrl, "wrong-secret", gh.setState(REPO, issue.number, "closed"));
  expect(bad.status).toBe(403);
  const ok = await sendGithubWebhook(webhookUrl, secret, gh.setState(REPO, issue.number, "closed"));
  expect(ok.status).toBeLessThan(300);
  const finding = await apiCall<{ status: string; resolution: string | null }>(page, orgSlug, "GET", `/api/v1/findings/${findingId}`);
  expect(finding).toMatchObject({ status: "resolved", resolution: "claimed_upstream" });
  const replay = await sendGithubWebhook(webhookUrl, secret, gh.setState(REPO, issue.number, "closed"), { deliveryId: ok.deliveryId });
  expect(replay.status).toBeLessThan(300);

  // ---- The domain page: Cloudflare's zone settings and fixes, Sentry's CSP reports.
  await page.goto(`${orgPath}/domains/${domain.id}`);
  await expect(page.getByRole("heading", { name: "From your integrations" })).toBeVisible();
  await expect(page.getByTestId("cloudflare-zone")).toContainText("SSL/TLS mode");
  await expect(page.getByRole("heading", { name: "Fix in Cloudflare" })).toBeVisible();
  await expect(page.getByTestId("sentry-csp-findings")).toContainText("report(s)");
  await expectNoA11yViolations(page, "domain page with integrations");
  await snapBoth(page, "domain-integrations");

  const oneClick = page.getByRole("button", { name: /^Turn on (HSTS in Cloudflare|Always Use HTTPS)$/ }).first();
  await oneClick.click();
  // The confirmation, or (when the page's refresh has already re-rendered the card) the fix shown as set; the zone's
  // new setting on the local Cloudflare is asserted next either way.
  await expect(page.getByText(/Applied in Cloudflare \(127\.0\.0\.1\)/).or(page.getByText("Cloudflare already has this set").first())).toBeVisible();
  const zone = cf.zones[0]!;
  await expect
    .poll(() => zone.settings.always_use_https === "on" || (zone.settings.security_header as { strict_transport_security: { enabled: boolean } }).strict_transport_security.enabled)
    .toBe(true);

  await page.getByRole("button", { name: "Note these findings in Sentry" }).click();
  await expect(page.getByText(/Noted on 1 Sentry issue/).or(page.getByRole("link", { name: "in Sentry" }).first())).toBeVisible();
  await expect.poll(() => sentry.projects.get("acme/web")!.issues[0]!.notes.length).toBe(1);
  expect(sentry.projects.get("acme/web")!.issues[0]!.notes[0]).toMatch(/^Plumb \(/);
});
