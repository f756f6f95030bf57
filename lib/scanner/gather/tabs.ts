// Tabs for a scan: each page gets a fresh browser context (own cookie jar, storage and cache), and the next
// context + tab is opened while the current page is being gathered, so the cost of starting a renderer is
// hidden behind the current page's network waits.
import type { Browser, BrowserContext, Page } from "puppeteer-core";

export interface Tab {
  context: BrowserContext;
  page: Page;
}

export async function openTab(browser: Browser): Promise<Tab> {
  const context = await browser.createBrowserContext();
  try {
    return { context, page: await context.newPage() };
  } catch (err) {
    await context.close().catch(() => undefined);
    throw err;
  }
}

export class TabPool {
  private spare: Promise<Tab | null> | null = null;
  private closed = false;

  constructor(private readonly browser: Browser) {}

  /** A ready tab; when `more` is true a spare is opened in the background for the next page. */
  async take(more: boolean): Promise<Tab> {
    // Claim the spare before awaiting anything: parallel callers (one per concurrent page) must never be handed
    // the same tab, or two pages navigate one tab and each reads the other's DOM.
    const spare = this.spare;
    this.spare = null;
    if (more && !this.closed) {
      // A failed spare is not an error: the next take() opens a tab itself.
      this.spare = openTab(this.browser).catch(() => null);
    }
    const ready = spare ? await spare : null;
    return ready ?? openTab(this.browser);
  }

  async close(): Promise<void> {
    this.closed = true;
    const spare = this.spare ? await this.spare : null;
    this.spare = null;
    if (spare) await spare.context.close().catch(() => undefined);
  }
}
