// hreflang alternates (only when gather collected them): valid language codes, absolute URLs, and return
// links between crawled alternates — Google ignores an hreflang pair that is not confirmed both ways.
import type { CheckDefinition } from "../../types";
import { fail } from "../shared/result";
import { parseUrl } from "../shared/web";
import { isIndexablePage, keyOf } from "./pages";
import { isValidLang } from "./viewport-lang";

export const hreflang: CheckDefinition = {
  rule: "seo-hreflang",
  pillar: "seo",
  severity: "low",
  weight: 1,
  title: "hreflang annotations are invalid",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    const alts = page.dom.hreflangs;
    if (!alts || alts.length === 0) return "n/a";
    const problems: string[] = [];
    for (const a of alts) {
      const code = a.hreflang.trim();
      if (code.toLowerCase() !== "x-default" && !isValidLang(code)) problems.push(`invalid language code "${code}" -> ${a.href}`);
      const u = parseUrl(a.href);
      if (!u || (u.protocol !== "http:" && u.protocol !== "https:")) problems.push(`invalid URL for "${code}": ${a.href}`);
    }
    const byCode = new Map<string, Set<string>>();
    for (const a of alts) byCode.set(a.hreflang.toLowerCase(), (byCode.get(a.hreflang.toLowerCase()) ?? new Set()).add(keyOf(a.href)));
    for (const [code, hrefs] of byCode) if (hrefs.size > 1) problems.push(`"${code}" points to ${hrefs.size} different URLs`);
    // Return links: an alternate we crawled must list this page too.
    const self = keyOf(page.finalUrl || page.url);
    for (const a of alts) {
      const other = ctx.pages.find((p) => keyOf(p.finalUrl || p.url) === keyOf(a.href));
      if (!other || keyOf(a.href) === self || !other.dom.hreflangs) continue;
      if (!other.dom.hreflangs.some((b) => keyOf(b.href) === self)) problems.push(`${a.href} ("${a.hreflang}") does not link back to this page`);
    }
    if (problems.length === 0) return [];
    return [
      fail(hreflang, {
        url: page.url,
        description: `The page's hreflang annotations have ${problems.length} problem${problems.length > 1 ? "s" : ""}; search engines ignore invalid or unconfirmed alternates and may show the wrong language version.`,
        fix: 'Use ISO 639-1 language codes (optionally with an ISO 3166-1 region, e.g. "en-GB") or "x-default", absolute URLs, one URL per code, and make every alternate list all the others (and itself).',
        evidence: problems.slice(0, 20).join("\n"),
      }),
    ];
  },
};
