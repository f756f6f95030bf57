import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { newAccount, signUp } from "./support/account";
import { snap } from "./support/artifacts";

// The scan result's third-party table, from a real scan of the third-party fixture (test/fixtures/sites/thirdparty):
// its scripts report each visit to http://localhost:<port>, another site than 127.0.0.1 and one the server's
// SSRF guard refuses — the page still tried, with a visitor id and the page URL, so the host is inventoried and
// flagged as a probable tracker.

const ROOT = path.join(import.meta.dirname, "..", "test", "fixtures", "sites", "thirdparty", "site");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

interface Site {
  origin: string;
  setToken(token: string): void;
  close(): Promise<void>;
}

async function serveSite(): Promise<Site> {
  let token = "not-set-yet";
  let port = 0;
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    const rel = pathname === "/" ? "index.html" : pathname.slice(1).replace(/\.\./g, "");
    const file = [path.join(ROOT, rel), path.join(ROOT, `${rel}.html`)].find((f) => f.startsWith(ROOT) && fs.existsSync(f) && fs.statSync(f).isFile());
    if (!file) {
      res.writeHead(pathname.startsWith("/_echo") ? 204 : 404, { "Content-Type": "text/plain" }).end();
      return;
    }
    let body = fs.readFileSync(file, "utf8").replace(/\{\{THIRD_PARTY\}\}/g, `http://localhost:${port}`);
    if (rel === "index.html") body = body.replace("<head>", `<head>\n  <meta name="plumb-site-verification" content="${token}">`);
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PLUMB_E2E_FIXTURE_PORT ?? 0), "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    setToken: (t) => {
      token = t;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let site: Site;
test.beforeAll(async () => {
  site = await serveSite();
});
test.afterAll(async () => {
  await site?.close();
});

async function apiCall<T>(page: Page, orgSlug: string, method: "GET" | "POST", p: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(p, { method, data, headers: { "X-Plumb-Org": orgSlug } });
  expect(res.status(), `${method} ${p}: ${await res.text()}`).toBeLessThan(300);
  return ((await res.json()) as { data: T }).data;
}

test("third parties of a scan: sortable table with beacons, probable tracker, 1440 and 375 px", async ({ page }) => {
  test.setTimeout(600_000);
  const orgPath = await signUp(page, newAccount("thirdparty"));
  const orgSlug = orgPath.split("/")[2];
  const domain = await apiCall<{ id: string; verify_token: string }>(page, orgSlug, "POST", "/api/v1/domains", { url: site.origin });
  site.setToken(domain.verify_token);
  expect((await apiCall<{ verified: boolean }>(page, orgSlug, "POST", `/api/v1/domains/${domain.id}/verify`)).verified).toBe(true);
  const created = await apiCall<{ scan: { id: string } }>(page, orgSlug, "POST", "/api/v1/scans", { domain_id: domain.id, pillars: ["trackers", "privacy"], max_pages: 3 });
  const scanId = created.scan.id;
  await expect
    .poll(async () => (await apiCall<{ status: string }>(page, orgSlug, "GET", `/api/v1/scans/${scanId}`)).status, { timeout: 300_000, intervals: [1000] })
    .toBe("succeeded");

  const inventory = await apiCall<{ third_parties: { host: string; probable_tracker: boolean; receives: string[] }[] }>(page, orgSlug, "GET", `/api/v1/scans/${scanId}/third-parties`);
  expect(inventory.third_parties).toEqual([expect.objectContaining({ host: "localhost", probable_tracker: true })]);
  expect(inventory.third_parties[0].receives).toEqual(expect.arrayContaining(["identifier", "page_url"]));

  await page.goto(`${orgPath}/scans/${scanId}`);
  await expect(page.getByRole("heading", { name: "Third parties (1)" })).toBeVisible();
  const table = page.getByTestId("third-parties");
  const row = table.getByTestId("third-party-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("third-party-host")).toHaveText("localhost");
  await expect(row).toContainText("Probable tracker");
  await expect(row).toContainText("Not on the tracker list");
  await row.getByText(/beacon endpoint/).click();
  await expect(row).toContainText("vid");
  await expect(row.getByText("Identifier").first()).toBeVisible();
  await expect(row.getByText("Page URL").first()).toBeVisible();
  await table.getByRole("button", { name: /^Host/ }).click();
  await expect(table.getByRole("columnheader", { name: /Host/ })).toHaveAttribute("aria-sort", "ascending");
  await table.getByRole("button", { name: /^Bytes/ }).click();
  await expect(table.getByRole("columnheader", { name: /Bytes/ })).toHaveAttribute("aria-sort", "descending");
  await expectNoA11yViolations(page, "scan result with third parties");
  await table.scrollIntoViewIfNeeded();
  await snap(page, "third-parties-1440");

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${orgPath}/scans/${scanId}`);
  await page.getByTestId("third-party-row").getByText(/beacon endpoint/).click();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await snap(page, "third-parties-375");
});
