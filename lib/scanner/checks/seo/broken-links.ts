// Internal links to pages that answer 4xx/5xx. Each broken target is one site-wide finding listing the
// pages that link to it (the fix is one redirect or one corrected link in a shared template).
import type { CheckDefinition, CheckResult } from "../../types";
import { fail } from "../shared/result";
import { isBrokenStatus, isIndexablePage, keyOf, knownStatuses } from "./pages";

export const brokenLinks: CheckDefinition = {
  rule: "seo-broken-links",
  pillar: "seo",
  severity: "medium",
  weight: 5,
  title: "Broken internal links",
  scope: "site",
  run(ctx) {
    const status = knownStatuses(ctx.site, ctx.pages);
    const results: CheckResult[] = [];
    let checked = 0;
    for (const page of ctx.pages.filter(isIndexablePage)) {
      const seen = new Set<string>();
      for (const link of page.dom.links) {
        if (!link.sameOrigin) continue;
        const k = keyOf(link.href);
        if (seen.has(k)) continue;
        seen.add(k);
        const st = status.get(k);
        if (st === undefined) continue;
        checked++;
        if (!isBrokenStatus(st)) continue;
        results.push(
          fail(brokenLinks, {
            url: page.url,
            description: `This page links to ${link.href}, which answers HTTP ${st}. Visitors hit a dead end and search engines waste crawl budget and lose the link's value.`,
            fix: "Update the link to the correct URL, or restore the page / add a 301 redirect from the old URL to its replacement.",
            evidence: `${st}  ${link.href}\nlink text: "${(link.text || link.ariaLabel || link.title || "").slice(0, 120)}"`,
            key: k,
            siteWide: true,
          }),
        );
      }
    }
    return checked === 0 ? "n/a" : results;
  },
};
