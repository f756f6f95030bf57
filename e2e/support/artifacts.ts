import path from "node:path";
import type { Page } from "@playwright/test";

const DIR = path.join(import.meta.dirname, "..", "artifacts");

/** Full-page screenshot into e2e/artifacts/ (gitignored) for people to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(DIR, `${name}.png`), fullPage: true });
}
