import http from "node:http";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signUp } from "./support/account";
import { snap } from "./support/artifacts";
import { serveFixtureSite, type FixtureSite } from "./support/fixture-site";
import { verifyWebhookSignature } from "@/lib/services/alerts/sign-webhook";

// Policies, alerts and the audit log in real Chromium against the real server: a one-page scan of the loopback
// fixture gives findings; a policy is previewed (the simulation) before it is saved; a webhook channel points at
// a local receiver (the second origin the e2e server may reach), "Send test" reaches it signed, and the delivery
// log shows it; the audit log lists both changes. Screenshots at 1440 and 375 px.

let site: FixtureSite;
let receiver: http.Server;
const received: { body: string; signature: string }[] = [];

test.beforeAll(async () => {
  site = await serveFixtureSite();
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["plumb-signature"] ?? "") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(Number(process.env.PLUMB_E2E_RECEIVER_PORT), "127.0.0.1", r));
});
test.afterAll(async () => {
  await site?.close();
  await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
});

async function scanFixture(api: APIRequestContext): Promise<void> {
  const created = await api.post("/api/v1/domains", { data: { url: site.origin } });
  expect(created.status(), await created.text()).toBe(201);
  const domain = (await created.json()).data as { id: string; verify_token: string };
  site.setToken(domain.verify_token);
  expect((await api.post(`/api/v1/domains/${domain.id}/verify`, { data: {} })).ok()).toBe(true);
  const scan = await api.post("/api/v1/scans", { data: { domain_id: domain.id, pillars: ["accessibility", "security", "seo"], max_pages: 1 } });
  expect(scan.status(), await scan.text()).toBe(202);
  const scanId = (await scan.json()).data.scan.id as string;
  await expect
    .poll(async () => (await (await api.get(`/api/v1/scans/${scanId}`)).json()).data.status as string, { timeout: 180_000, intervals: [500, 1000] })
    .toBe("succeeded");
}

async function phone(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
  await snap(page, `${name}-375`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("policy with its preview, webhook channel with a signed test delivery, audit log", async ({ page }) => {
  test.setTimeout(400_000);
  const orgPath = await signUp(page, newAccount("policies"));
  await scanFixture(page.request);

  // --- Alerts: a webhook to the local receiver; the secret is shown once; "Send test" reaches it signed.
  await page.goto(`${orgPath}/settings/alerts`);
  await expect(page.getByRole("heading", { name: "Alert channels", exact: true })).toBeVisible();
  const form = page.getByRole("form", { name: "New alert channel" });
  await form.getByLabel("Name").fill("Deploy hook");
  await form.getByLabel("URL").fill(`http://127.0.0.1:${process.env.PLUMB_E2E_RECEIVER_PORT}/plumb`);
  await form.getByRole("button", { name: "Create channel" }).click();
  const secretField = page.getByLabel("Signing secret");
  await expect(secretField).toHaveValue(/^whsec_/);
  const secret = await secretField.inputValue();
  await expectNoA11yViolations(page, "alerts");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByText(/Test alert queued/)).toBeVisible();
  await expect.poll(() => received.length, { timeout: 60_000 }).toBeGreaterThan(0);
  expect(verifyWebhookSignature(secret, received[0].body, received[0].signature)).toBe(true);
  expect(JSON.parse(received[0].body)).toMatchObject({ type: "test" });
  await page.getByRole("button", { name: "I have stored it, hide the secret" }).click();
  await expect(async () => {
    await page.getByRole("button", { name: /Show deliveries|Refresh deliveries/ }).click();
    await expect(page.getByRole("list", { name: "Recent deliveries" })).toContainText("delivered", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole("list", { name: "Recent deliveries" })).toContainText("200");
  await snap(page, "alerts-1440");
  await phone(page, "alerts");

  // --- Policies: a draft is previewed before it can be saved.
  await page.goto(`${orgPath}/settings/policies`);
  const editor = page.getByRole("form", { name: "New policy" });
  await editor.getByLabel("Name").fill("Accept SEO for now");
  await editor.getByRole("checkbox", { name: "seo" }).check();
  await editor.getByLabel("Justification").fill("The SEO rework ships next quarter");
  await editor.getByLabel("Re-open after (days)").fill("60");
  const save = editor.getByRole("button", { name: "Save policy" });
  await expect(save).toBeDisabled();
  await editor.getByRole("button", { name: "Preview" }).click();
  const summary = page.getByTestId("simulation-summary");
  await expect(summary).toContainText(/Would change [1-9]\d* findings? \(accept risk: [1-9]/);
  await expect(save).toBeEnabled();
  await expectNoA11yViolations(page, "policies");
  await snap(page, "policies-preview-1440");
  // The preview changed nothing: the findings are still open.
  const findings = (await (await page.request.get("/api/v1/findings?pillar=seo&limit=100")).json()).data as { status: string }[];
  expect(findings.length).toBeGreaterThan(0);
  expect(findings.every((f) => f.status === "open")).toBe(true);
  await save.click();
  await expect(page.getByText(/Policy “Accept SEO for now” saved/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Accept SEO for now" })).toContainText("accept risk");
  await snap(page, "policies-1440");
  await phone(page, "policies");

  // --- Audit log: both changes, by this user, filterable.
  await page.goto(`${orgPath}/settings/audit`);
  const table = page.getByRole("table", { name: "Audit events, newest first" });
  await expect(table).toContainText("policy.create");
  await expect(table).toContainText("alert_channel.create");
  await expect(table).toContainText("alert_channel.test");
  await expectNoA11yViolations(page, "audit log");
  await snap(page, "audit-log-1440");
  await page.getByLabel("Action").fill("policy.");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL(/action=policy\./);
  await expect(table).toContainText("policy.create");
  await expect(table).not.toContainText("alert_channel.create");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await (await download).path();
  const text = (await import("node:fs")).readFileSync(csv, "utf8");
  expect(text.split("\r\n")[0]).toBe('"time","action","actor_type","actor_id","actor","ip","target_type","target_id","before","after","metadata","request_id"');
  expect(text).toContain('"policy.create"');
  await phone(page, "audit-log");
});
