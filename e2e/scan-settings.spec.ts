import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signUp } from "./support/account";
import { snap } from "./support/artifacts";

// Domain scan settings (crawl rules, write-only sign-in) and the scan's page list marking pages robots.txt
// blocks, in real Chromium against the real server. The site is the robots fixture (test/fixtures/sites/robots)
// served on the one private port the e2e server may reach, with the verification meta tag in its home page.

const ROOT = path.join(import.meta.dirname, "..", "test", "fixtures", "sites", "robots");

async function serveRobotsSite(): Promise<{ origin: string; setToken(t: string): void; close(): Promise<void> }> {
  let token = "not-set-yet";
  let origin = "";
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    const rel = pathname.replace(/\/+$/, "") || "/index";
    const candidates = [path.join(ROOT, rel), path.join(ROOT, `${rel}.html`), path.join(ROOT, rel, "index.html")];
    const file = candidates.find((f) => f.startsWith(ROOT) && fs.existsSync(f) && fs.statSync(f).isFile() && !f.endsWith("README.md"));
    if (!file) return void res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    let body = fs.readFileSync(file, "utf8").replaceAll("{{ORIGIN}}", origin);
    if (rel === "/index") body = body.replace("</head>", `<meta name="plumb-site-verification" content="${token}"></head>`);
    const type = file.endsWith(".xml") ? "application/xml" : file.endsWith(".txt") ? "text/plain" : "text/html; charset=utf-8";
    res.writeHead(200, { "Content-Type": type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PLUMB_E2E_FIXTURE_PORT ?? 0), "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    setToken: (t) => void (token = t),
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

test("crawl and sign-in settings; pages blocked by robots.txt in the scan result", async ({ page }) => {
  test.setTimeout(300_000);
  const site = await serveRobotsSite();
  try {
    const orgPath = await signUp(page, newAccount("scan-settings"));
    const api = page.request;
    const created = await api.post("/api/v1/domains", { data: { url: site.origin } });
    expect(created.status(), await created.text()).toBe(201);
    const domain = (await created.json()).data as { id: string; verify_token: string };
    site.setToken(domain.verify_token);
    expect((await api.post(`/api/v1/domains/${domain.id}/verify`, { data: {} })).ok()).toBe(true);

    // --- Settings: crawl rules
    await page.goto(`${orgPath}/domains/${domain.id}/settings`);
    const crawl = page.locator("form").filter({ has: page.getByRole("button", { name: "Save crawl settings" }) });
    await expect(crawl.getByLabel("Skip pages robots.txt disallows")).not.toBeChecked();
    await crawl.getByLabel(/Never crawl paths matching/).fill("/admin/\n/*.pdf$");
    await crawl.getByLabel(/Maximum link depth/).fill("5");
    await crawl.getByRole("button", { name: "Save crawl settings" }).click();
    await expect(crawl.getByText("Crawl settings saved.")).toBeVisible();
    const settings = (await (await api.get(`/api/v1/domains/${domain.id}/scan-settings`)).json()).data;
    expect(settings).toMatchObject({ exclude: ["/admin/", "/*.pdf$"], max_depth: 5, respect_robots: false });

    // --- Settings: sign-in, write-only
    const auth = page.locator("form").filter({ has: page.getByRole("button", { name: "Save sign-in" }) });
    await expect(auth.getByText("Scans are anonymous: no sign-in is set.")).toBeVisible();
    await auth.getByLabel(/Extra request headers/).fill("X-Preview-Token: very-secret-token");
    await auth.getByRole("button", { name: "Save sign-in" }).click();
    await expect(auth.getByText("Sign-in saved.")).toBeVisible();
    await expect(auth.getByText("Headers: X-Preview-Token")).toBeVisible();
    await expect(page.locator("body")).not.toContainText("very-secret-token");
    await expectNoA11yViolations(page, "domain-scan-settings");
    await snap(page, "domain-scan-settings-1440");
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await snap(page, "domain-scan-settings-375");
    await page.setViewportSize({ width: 1440, height: 900 });
    await auth.getByRole("button", { name: "Remove sign-in" }).click();
    await expect(auth.getByText("Sign-in removed.")).toBeVisible();

    // --- A scan lists the pages robots.txt blocks (audited anyway)
    const scan = await api.post("/api/v1/scans", { data: { domain_id: domain.id, pillars: ["seo"], max_pages: 12 } });
    expect(scan.status(), await scan.text()).toBe(202);
    const scanId = (await scan.json()).data.scan.id as string;
    await expect
      .poll(async () => (await (await api.get(`/api/v1/scans/${scanId}`)).json()).data.status as string, { timeout: 200_000, intervals: [500, 1000] })
      .toBe("succeeded");
    await page.goto(`${orgPath}/scans/${scanId}`);
    const pagesTable = page.locator("table").filter({ hasText: "/drafts/secret" });
    await expect(pagesTable.getByText("Blocked by robots.txt")).toHaveCount(3);
    await expectNoA11yViolations(page, "scan-robots-blocked");
    await snap(page, "scan-robots-blocked-1440");
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await snap(page, "scan-robots-blocked-375");
  } finally {
    await site.close();
  }
});
