// rel="canonical": tells search engines which URL represents the page. Missing is a lost opportunity;
// several conflicting ones, or one that is invalid, downgraded to http, or broken, are ignored or
// actively harmful (the page can drop out of the index in favour of the wrong URL).
import type { CheckDefinition, CheckResult, PageArtifacts } from "../../types";
import { fail } from "../shared/result";
import { parseUrl } from "../shared/web";
import { isBrokenStatus, isIndexablePage, keyOf, knownStatuses } from "./pages";

/** Raw href values of every canonical link in the served markup (the DOM fact only keeps the first). */
export function canonicalHrefs(html: string): string[] {
  const end = html.search(/<\/head\s*>/i);
  const head = end >= 0 ? html.slice(0, end) : html;
  const out: string[] = [];
  for (const m of head.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel\s*=\s*["']?[^"'>]*\bcanonical\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    out.push((href?.[1] ?? href?.[2] ?? href?.[3] ?? "").replace(/&amp;/g, "&").trim());
  }
  return out;
}

function resolve(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function pageUrl(page: PageArtifacts): string {
  return page.finalUrl || page.url;
}

export const canonicalMissing: CheckDefinition = {
  rule: "seo-canonical-missing",
  pillar: "seo",
  severity: "low",
  weight: 1,
  title: "Page has no canonical URL",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    if (page.dom.canonicalCount > 0 || page.responseHeaders["link"]?.match(/rel="?canonical/i)) return [];
    return [
      fail(canonicalMissing, {
        url: page.url,
        description: "The page declares no canonical URL. The same content is often reachable under several URLs (tracking parameters, trailing slashes, http/https, www); without a canonical, search engines guess which one to index and split ranking signals between them.",
        fix: `Add <link rel="canonical" href="${pageUrl(page).split(/[?#]/)[0]}"> (the absolute, preferred URL of this page) to <head>.`,
      }),
    ];
  },
};

export const canonicalConflict: CheckDefinition = {
  rule: "seo-canonical-conflict",
  pillar: "seo",
  severity: "medium",
  weight: 3,
  title: "Page declares conflicting canonical URLs",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    if (page.dom.canonicalCount < 2) return page.dom.canonicalCount === 1 ? [] : "n/a";
    const hrefs = canonicalHrefs(page.dom.html);
    const distinct = new Set(hrefs.map((h) => keyOf(resolve(h, pageUrl(page)))));
    // Repeated identical tags (two plugins agreeing) are harmless; only disagreement makes Google ignore them.
    if (hrefs.length >= 2 && distinct.size <= 1) return [];
    return [
      fail(canonicalConflict, {
        url: page.url,
        description: `The page has ${page.dom.canonicalCount} rel="canonical" links${distinct.size > 1 ? " pointing to different URLs" : ""}. When canonicals conflict, Google ignores all of them and picks a URL itself.`,
        fix: "Output exactly one canonical link; usually a theme and an SEO plugin both add one — disable one of them.",
        evidence: hrefs.length > 0 ? hrefs.join("\n") : `${page.dom.canonicalCount} canonical links; first: ${page.dom.canonical ?? ""}`,
        selector: 'link[rel="canonical"]',
      }),
    ];
  },
};

export const canonicalInvalid: CheckDefinition = {
  rule: "seo-canonical-invalid",
  pillar: "seo",
  severity: "medium",
  weight: 3,
  title: "Canonical URL is invalid or points to a broken page",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    if (page.dom.canonicalCount === 0 || page.dom.canonical === null) return "n/a";
    const canonical = page.dom.canonical;
    const raw = canonicalHrefs(page.dom.html)[0] ?? canonical;
    const target = parseUrl(canonical);
    const here = parseUrl(pageUrl(page));
    const results: CheckResult[] = [];
    const add = (key: string, description: string, fix: string, severity?: "low" | "medium" | "high") =>
      results.push(fail(canonicalInvalid, { url: page.url, description, fix, severity, evidence: `<link rel="canonical" href="${raw}">`, selector: 'link[rel="canonical"]', key }));

    if (!target || (target.protocol !== "http:" && target.protocol !== "https:") || raw === "") {
      add("invalid", `The canonical href "${raw}" is not a valid http(s) URL, so search engines ignore it.`, "Set the canonical href to the absolute https URL of the preferred version of this page.");
      return results;
    }
    if (target.hash) {
      add("fragment", "The canonical URL contains a #fragment; search engines drop fragments, so it probably does not say what you meant.", "Remove the #fragment from the canonical href.", "low");
    }
    if (here && here.protocol === "https:" && target.protocol === "http:" && target.host === here.host) {
      add("http", "This https page names its http:// version as canonical, asking search engines to index the insecure URL.", "Change the canonical href to https://.");
    }
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
      add("relative", `The canonical href "${raw}" is relative. Google accepts it but resolves it against whatever URL it fetched, which breaks on alternate hosts, proxies and copies of the page.`, "Use an absolute URL (scheme and host included) in the canonical href.", "low");
    }
    const status = knownStatuses(ctx.site, ctx.pages).get(keyOf(canonical));
    if (isBrokenStatus(status)) {
      add("broken", `The canonical URL answers HTTP ${status}. Pointing search engines at a broken URL can drop this page from the index.`, "Point the canonical at the live URL of this page (usually the page itself).", "high");
    }
    return results;
  },
};

export const canonicalCrossOrigin: CheckDefinition = {
  rule: "seo-canonical-cross-origin",
  pillar: "seo",
  severity: "low",
  weight: 1,
  title: "Canonical URL points to another host",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page) || !page.dom.canonical) return "n/a";
    const target = parseUrl(page.dom.canonical);
    const here = parseUrl(pageUrl(page));
    if (!target || !here) return "n/a";
    if (target.hostname === here.hostname) return [];
    return [
      fail(canonicalCrossOrigin, {
        url: page.url,
        description: `The canonical URL is on ${target.hostname}, not ${here.hostname}: search engines will index that host's page instead of this one. Correct for syndicated or mirrored content, but a common leftover from staging or a domain migration.`,
        fix: "If this host is the one you want in search results, make the canonical point to this page's own URL; otherwise no change is needed.",
        evidence: `<link rel="canonical" href="${page.dom.canonical}"> on ${pageUrl(page)}`,
        selector: 'link[rel="canonical"]',
        key: target.hostname,
      }),
    ];
  },
};
