import type { Page } from "@playwright/test";

/**
 * Records every Content-Security-Policy violation of a page across navigations: the browser's
 * `securitypolicyviolation` events (reported through a binding from an init script, both of which Playwright
 * injects outside the page's CSP) and the console's "Refused to …" messages.
 */
export async function watchCsp(page: Page): Promise<{ violations: () => Promise<string[]> }> {
  const found: string[] = [];
  page.on("console", (m) => {
    const text = m.text();
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|create)/i.test(text)) found.push(`${page.url()}: ${text}`);
  });
  await page.exposeBinding("__plumbCspViolation", (_source, report: string) => {
    found.push(report);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __plumbCspViolation: (r: string) => void }).__plumbCspViolation;
      report(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return { violations: async () => [...found] };
}
