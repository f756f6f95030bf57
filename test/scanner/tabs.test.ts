// The tab pool hands each concurrent page its own tab: parallel take() calls racing for the one spare tab
// once got the same tab, so two pages navigated one tab and each read the other's DOM.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type LaunchedBrowser } from "@/lib/scanner/gather/browser";
import { TabPool } from "@/lib/scanner/gather/tabs";

describe("TabPool (real browser)", () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("never gives two parallel callers the same tab", async () => {
    const pool = new TabPool(browser.browser);
    // Prime a spare, then race four takers for it.
    const first = await pool.take(true);
    const tabs = await Promise.all([pool.take(true), pool.take(true), pool.take(true), pool.take(false)]);
    const all = [first, ...tabs];
    expect(new Set(all.map((t) => t.page)).size).toBe(all.length);
    expect(new Set(all.map((t) => t.context)).size).toBe(all.length);
    await pool.close();
    await Promise.all(all.map((t) => t.context.close()));
  });
});
