// robots.txt per RFC 9309: groups by user-agent, the most specific group wins ("plumb" over "*"),
// longest matching rule wins, Allow wins ties; `*` and `$` wildcards.

interface Rule {
  allow: boolean;
  pattern: string;
}

export interface Robots {
  isAllowed(url: string): boolean;
  /** the Disallow pattern that blocks `url` (longest match), or null when the URL is allowed */
  blockingRule(url: string): string | null;
  sitemaps: string[];
  /** true when the group that applies to us disallows "/" */
  disallowsAll: boolean;
}

function parseGroups(text: string): { agents: string[]; rules: Rule[] }[] {
  const groups: { agents: string[]; rules: Rule[] }[] = [];
  let current: { agents: string[]; rules: Rule[] } | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/).slice(0, 5_000)) {
    const line = raw.replace(/#.*$/, "").trim();
    const m = line.match(/^([A-Za-z-]+)\s*:\s*(.*)$/);
    if (!m) continue;
    const field = m[1].toLowerCase();
    const value = m[2].trim();
    if (field === "user-agent") {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (field === "allow" || field === "disallow") {
      if (field === "disallow" && value === "") continue; // empty Disallow = allow everything
      current.rules.push({ allow: field === "allow", pattern: value });
    }
  }
  return groups;
}

function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith("$");
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const re = new RegExp(`^${body.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}${anchored ? "$" : ""}`);
  return re.test(path);
}

export function parseRobots(text: string, userAgent = "plumb"): Robots {
  const groups = parseGroups(text);
  const ua = userAgent.toLowerCase();
  const mine = groups.filter((g) => g.agents.some((a) => a !== "*" && ua.includes(a)));
  const applicable = mine.length ? mine : groups.filter((g) => g.agents.includes("*"));
  const rules = applicable.flatMap((g) => g.rules);
  const sitemaps = [...text.matchAll(/^\s*sitemap\s*:\s*(\S+)/gim)].map((m) => m[1]).slice(0, 20);
  const decidingRule = (path: string): Rule | null => {
    let best: Rule | null = null;
    for (const r of rules) {
      if (!patternMatches(r.pattern, path)) continue;
      if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
    }
    return best;
  };
  const isAllowedPath = (path: string): boolean => decidingRule(path)?.allow ?? true;
  const pathOf = (url: string): string | null => {
    try {
      const u = new URL(url);
      return u.pathname + u.search;
    } catch {
      return null;
    }
  };
  return {
    sitemaps,
    disallowsAll: !isAllowedPath("/"),
    isAllowed(url: string): boolean {
      const path = pathOf(url);
      return path === null ? false : isAllowedPath(path);
    },
    blockingRule(url: string): string | null {
      const path = pathOf(url);
      if (path === null) return null;
      const rule = decidingRule(path);
      return rule && !rule.allow ? rule.pattern : null;
    },
  };
}
