import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { verifyWebhookSignature } from "@/lib/services/alerts/sign-webhook";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signUp } from "./support/account";
import { snap } from "./support/artifacts";
import { serveFixtureSite, type FixtureSite } from "./support/fixture-site";

// The remediation loop in the browser: a scan finds an image without a text alternative -> a task is created
// from the finding's drawer -> the fixture is fixed -> "Re-check" -> the finding is verified fixed -> the
// task is done by itself -> the confirming scan's signed alert reaches the local webhook receiver (the second
// origin the e2e server may reach). Screenshots of the tasks page, My work and the drawer with its re-check history.

let site: FixtureSite;
let receiver: http.Server;
const received: { body: string; signature: string; event: string }[] = [];
test.beforeAll(async () => {
  site = await serveFixtureSite();
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["plumb-signature"] ?? ""), event: String(req.headers["plumb-event"] ?? "") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(Number(process.env.PLUMB_E2E_RECEIVER_PORT), "127.0.0.1", r));
});
test.afterAll(async () => {
  await site?.close();
  await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
});

async function apiCall<T>(page: Page, orgSlug: string, method: "GET" | "POST", path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(path, { method, data, headers: { "X-Plumb-Org": orgSlug } });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return ((await res.json()) as { data: T }).data;
}

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${label}: page is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}

test("finding -> task -> fix -> re-check -> verified fixed -> task done -> alert received", async ({ page }) => {
  test.setTimeout(600_000);
  const orgPath = await signUp(page, newAccount("tasks"));
  const orgSlug = orgPath.split("/")[2];

  // Deploy pipelines listen for finished scans: a signed webhook to the local receiver.
  const channel = await apiCall<{ id: string; secret: string }>(page, orgSlug, "POST", "/api/v1/alert-channels", {
    kind: "webhook",
    name: "Deploy hook",
    url: `http://127.0.0.1:${process.env.PLUMB_E2E_RECEIVER_PORT}/plumb`,
    triggers: ["scan.finished"],
  });
  const domain = await apiCall<{ id: string; verify_token: string }>(page, orgSlug, "POST", "/api/v1/domains", { url: site.origin });
  site.setToken(domain.verify_token);
  expect((await apiCall<{ verified: boolean }>(page, orgSlug, "POST", `/api/v1/domains/${domain.id}/verify`)).verified).toBe(true);
  const scan = await apiCall<{ scan: { id: string } }>(page, orgSlug, "POST", "/api/v1/scans", { domain_id: domain.id, pillars: ["accessibility"], max_pages: 1 });
  await expect
    .poll(async () => (await apiCall<{ status: string }>(page, orgSlug, "GET", `/api/v1/scans/${scan.scan.id}`)).status, { timeout: 240_000, intervals: [1000] })
    .toBe("succeeded");
  const findings = await apiCall<{ id: string; rule: string; title: string }[]>(page, orgSlug, "GET", "/api/v1/findings?limit=100");
  const finding = findings.find((f) => f.rule === "axe-image-alt");
  expect(finding, `the scan found the image without alt text among ${findings.map((f) => f.rule).join(", ")}`).toBeTruthy();

  // The drawer: create a task for this finding.
  await page.goto(`${orgPath}/findings?finding=${finding!.id}`);
  const drawer = page.getByRole("dialog", { name: finding!.title });
  await expect(drawer).toBeVisible();
  await drawer.getByRole("button", { name: "Create task" }).click();
  const create = page.getByRole("dialog", { name: "New task for 1 finding" });
  await expect(create).toBeVisible();
  await create.getByLabel("Title").fill("Give the grey square a text alternative");
  await create.getByLabel("Description (markdown, optional)").fill("Add an **alt** attribute. <script>alert(1)</script>");
  await create.getByLabel("Assignee").selectOption({ index: 1 });
  await create.getByLabel("Due").fill("2020-01-31");
  await create.getByLabel("Priority").selectOption("high");
  await create.getByRole("button", { name: "Create task" }).click();
  await expect(create.getByRole("status")).toHaveText("Task created.");
  await create.getByRole("link", { name: "Open the task" }).click();

  // The tasks page: the task, overdue, on the board; its panel with the escaped description and history.
  await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
  const panel = page.getByRole("region", { name: "Give the grey square a text alternative" });
  await expect(panel).toBeVisible();
  await expect(panel.locator("strong", { hasText: "alt" })).toBeVisible();
  await expect(panel).toContainText("<script>alert(1)</script>");
  await expect(page.getByRole("region", { name: "To do" })).toContainText("Give the grey square a text alternative");
  await expect(page.getByRole("heading", { name: /Overdue tasks/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Task history" })).toContainText("created the task");
  await expectNoA11yViolations(page, "tasks page");
  await snap(page, "tasks-board-1440");
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page, "tasks page");
  await snap(page, "tasks-board-375");
  await page.setViewportSize({ width: 1440, height: 900 });

  // A comment with a mention of oneself is kept (markdown, escaped).
  await panel.getByLabel("Add a comment").fill("Working on it — `alt` text coming <b>soon</b>");
  await panel.getByRole("button", { name: "Comment" }).click();
  await expect(panel.locator("code", { hasText: "alt" })).toBeVisible();
  await expect(panel).toContainText("<b>soon</b>");

  // My work (the signed-in member is the assignee) as a list.
  await page.getByRole("link", { name: "My work" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await page.getByRole("link", { name: "List" }).click();
  // The task itself (the overdue card above the list may name it too).
  await expect(page.locator("a[data-task-link]", { hasText: "Give the grey square a text alternative" })).toBeVisible();
  await expectNoA11yViolations(page, "my work");
  await snap(page, "tasks-my-work-1440");
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page, "my work");
  await snap(page, "tasks-my-work-375");
  await page.setViewportSize({ width: 1440, height: 900 });

  // Fix the site, then re-check the finding from its drawer.
  site.fixImage();
  await page.goto(`${orgPath}/findings?finding=${finding!.id}`);
  await expect(drawer).toBeVisible();
  await drawer.getByRole("button", { name: "Re-check" }).click();
  await expect(drawer.getByTestId("recheck-history")).toContainText("Verified fixed", { timeout: 180_000 });
  await expect(drawer.getByTestId("recheck-history")).toContainText("passed");
  await expect(drawer).toContainText("verified fixed by a re-check");
  // The triage form follows: the finding is resolved, not "Open".
  await expect(drawer.getByLabel("Change status")).toHaveValue("resolved");
  await expect(drawer.getByLabel("Change status").locator("option:checked")).toHaveText("Resolved (verified fixed by a re-check)");
  await expectNoA11yViolations(page, "drawer with re-checks");
  await snap(page, "tasks-drawer-recheck-1440");
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await drawer.evaluate((d) => d.scrollWidth <= d.clientWidth + 1), "the drawer does not scroll sideways").toBe(true);
  await snap(page, "tasks-drawer-recheck-375");
  await page.setViewportSize({ width: 1440, height: 900 });

  const verifiedFinding = await apiCall<{ status: string; resolution: string }>(page, orgSlug, "GET", `/api/v1/findings/${finding!.id}`);
  expect(verifiedFinding).toMatchObject({ status: "resolved", resolution: "verified" });

  // The task closed itself.
  await page.goto(`${orgPath}/tasks`);
  await expect(page.getByRole("region", { name: "Done" })).toContainText("Give the grey square a text alternative");
  await page.getByRole("region", { name: "Done" }).getByRole("link", { name: "Give the grey square a text alternative" }).click();
  await expect(page.getByTestId("task-status")).toContainText("Done");
  await expect(page.getByRole("list", { name: "Task history" })).toContainText("a re-check verified the fix");
  await snap(page, "tasks-done-1440");

  // The deploy pipeline's confirming scan: its signed scan.finished alert reaches the receiver.
  const confirm = await apiCall<{ scan: { id: string } }>(page, orgSlug, "POST", "/api/v1/scans", { domain_id: domain.id, pillars: ["accessibility"], max_pages: 1 });
  const alertFor = (scanId: string) =>
    received.find((r) => r.event === "scan.finished" && (JSON.parse(r.body) as { data?: { scan_id?: string } }).data?.scan_id === scanId);
  await expect.poll(() => Boolean(alertFor(confirm.scan.id)), { timeout: 240_000, intervals: [1000] }).toBe(true);
  const alert = alertFor(confirm.scan.id)!;
  expect(verifyWebhookSignature(channel.secret, alert.body, alert.signature)).toBe(true);
  expect(JSON.parse(alert.body)).toMatchObject({ type: "scan.finished", data: { scan_id: confirm.scan.id } });
  // The first scan's alert came too, once.
  expect(received.filter((r) => r.event === "scan.finished" && JSON.parse(r.body).data?.scan_id === scan.scan.id)).toHaveLength(1);
  // The fixed image is not reported again.
  const after = await apiCall<{ id: string; status: string }>(page, orgSlug, "GET", `/api/v1/findings/${finding!.id}`);
  expect(after.status).toBe("resolved");
});
