// Include/exclude URL patterns for the crawl, in robots.txt syntax so there is one rule to learn: a pattern
// is matched against the URL's path and query from the start, `*` matches any run of characters and a
// trailing `$` anchors the end ("/blog/" covers every page under /blog/, "/*.pdf$" every PDF, "/*?print=").

export const MAX_CRAWL_PATTERNS = 20;
export const MAX_CRAWL_PATTERN_LENGTH = 200;

/** A pattern must start with "/" or "*" (it is a path pattern, never a whole URL or a regex). */
export function isValidCrawlPattern(pattern: string): boolean {
  return pattern.length > 0 && pattern.length <= MAX_CRAWL_PATTERN_LENGTH && /^[/*]/.test(pattern) && !/[\s\u0000-\u001f]/.test(pattern);
}

function toRegExp(pattern: string): RegExp {
  const anchored = pattern.endsWith("$");
  const body = anchored ? pattern.slice(0, -1) : pattern;
  return new RegExp(`^${body.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}${anchored ? "$" : ""}`);
}

export interface UrlFilter {
  /** why a URL is left out, or null when it may be crawled */
  reject(url: string): string | null;
}

export function urlFilter(opts: { include?: readonly string[]; exclude?: readonly string[] }): UrlFilter {
  const include = (opts.include ?? []).filter(isValidCrawlPattern).map((p) => ({ p, re: toRegExp(p) }));
  const exclude = (opts.exclude ?? []).filter(isValidCrawlPattern).map((p) => ({ p, re: toRegExp(p) }));
  return {
    reject(url: string): string | null {
      let path: string;
      try {
        const u = new URL(url);
        path = u.pathname + u.search;
      } catch {
        return "unparseable URL";
      }
      const ex = exclude.find((e) => e.re.test(path));
      if (ex) return `excluded by pattern ${ex.p}`;
      if (include.length && !include.some((i) => i.re.test(path))) return "matches no include pattern";
      return null;
    },
  };
}
