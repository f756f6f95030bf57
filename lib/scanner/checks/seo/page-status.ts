// The scanned start page (or the home page) answering an error: everything else about SEO is moot.
// Other crawled pages that fail are reported through the links and sitemap entries that point to them.
import type { CheckDefinition } from "../../types";
import { fail } from "../shared/result";
import { isBrokenStatus, isHomeOrStart } from "./pages";

export const pageStatus: CheckDefinition = {
  rule: "seo-page-status",
  pillar: "seo",
  severity: "high",
  weight: 10,
  title: "Page returns an HTTP error",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null) return "n/a";
    if (!isHomeOrStart(page, ctx.pages, ctx.site)) return "n/a";
    if (!isBrokenStatus(page.status)) return [];
    return [
      fail(pageStatus, {
        url: page.url,
        description: `The page answers HTTP ${page.status}. Search engines do not index pages that return errors, and visitors see an error instead of your content.`,
        fix: "Make the URL return 200 with its content, or redirect it (301) to the page that replaced it.",
        evidence: `${page.status}  ${page.finalUrl || page.url}`,
      }),
    ];
  },
};
