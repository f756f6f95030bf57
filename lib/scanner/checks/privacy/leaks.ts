// Leaks to third parties: full page URLs in the Referer header, and no Global Privacy Control support.
import type { CheckDefinition, CheckResult } from "../../types";
import { effectiveReferrerPolicy, UNSAFE_REFERRER_POLICIES } from "../security/headers";
import { analyzablePages, fail, listPreview, originUrl } from "../shared/result";
import { hostOf, isThirdPartyUrl, parseUrl } from "../shared/web";
import { consentSignals } from "./signals";

export const referrerLeak: CheckDefinition = {
  rule: "referrer-leak",
  pillar: "privacy",
  severity: "medium",
  weight: 3,
  title: "Full page URLs sent to third parties",
  scope: "page",
  run(ctx) {
    const page = ctx.page && ctx.page.status !== null ? ctx.page : null;
    if (!page) return "n/a";
    const base = page.finalUrl || page.url;
    const thirdParty = page.requests.filter((r) => r.thirdParty || isThirdPartyUrl(r.url, base));
    if (thirdParty.length === 0) return "n/a";
    const leaked = new Map<string, string>(); // host -> referer seen
    let withQuery = false;
    for (const r of thirdParty) {
      const referer = r.requestHeaders.referer ?? r.requestHeaders.referrer;
      const u = referer ? parseUrl(referer) : null;
      // Only our own page URL counts (requests inside a third-party iframe carry the iframe's URL).
      if (!u || u.origin !== parseUrl(base)?.origin) continue;
      const leaksPath = u.pathname !== "/" || u.search !== "";
      if (!leaksPath) continue;
      if (u.search) withQuery = true;
      if (!leaked.has(hostOf(r.url))) leaked.set(hostOf(r.url), referer!);
    }
    const policy = effectiveReferrerPolicy(page.responseHeaders, page.dom.metaReferrer);
    const unsafePolicy = policy && UNSAFE_REFERRER_POLICIES.includes(policy.value) ? policy : null;
    if (leaked.size === 0 && !unsafePolicy) return [];
    const hosts = leaked.size > 0 ? [...leaked.keys()] : [...new Set(thirdParty.map((r) => hostOf(r.url)))];
    const out: CheckResult[] = [
      fail(referrerLeak, {
        url: page.url,
        key: "referer",
        siteWide: true,
        severity: withQuery || unsafePolicy?.value === "unsafe-url" ? "medium" : "low",
        description: `Requests to ${hosts.length} third-party host(s) (${hosts.slice(0, 5).join(", ")}${hosts.length > 5 ? ", …" : ""}) carry the full page URL in the Referer header${withQuery ? ", query string included" : ""}${unsafePolicy ? ` because the page sets Referrer-Policy: ${unsafePolicy.value}` : ""}. Every embedded vendor learns exactly which page each visitor reads, and query parameters (search terms, emails, reset or session tokens) leak with it.`,
        fix: "Send `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer`) site-wide and remove any per-element referrerpolicy=\"unsafe-url\"; keep personal data and tokens out of URLs.",
        evidence: [
          unsafePolicy ? unsafePolicy.source : null,
          leaked.size > 0 ? `Referer sent:\n${listPreview([...leaked].map(([h, r]) => `${h} <- ${r.slice(0, 300)}`), 8)}` : `Third-party hosts: ${listPreview(hosts, 8)}`,
        ].filter(Boolean).join("\n"),
      }),
    ];
    return out;
  },
};

function gpcDeclared(body: string): boolean {
  try {
    const v: unknown = JSON.parse(body);
    return typeof v === "object" && v !== null && (v as Record<string, unknown>).gpc === true;
  } catch {
    return false;
  }
}

export const gpcUnsupported: CheckDefinition = {
  rule: "gpc-unsupported",
  pillar: "privacy",
  severity: "low",
  weight: 1,
  title: "Global Privacy Control not supported",
  scope: "site",
  run(ctx) {
    const probe = ctx.site.gpcJson;
    if (!probe) return "n/a";
    const pages = analyzablePages(ctx.pages);
    const s = consentSignals(pages);
    if (s.trackers.length === 0 && s.cookies.length === 0) return "n/a";
    if (probe.status === 200 && gpcDeclared(probe.body)) return [];
    const reads = pages.some((p) => p.behaviour.gpcRead);
    return [
      fail(gpcUnsupported, {
        url: originUrl(ctx.site.origin),
        key: "gpc",
        siteWide: true,
        severity: reads ? "info" : "low",
        description: `The site uses trackers that need consent but publishes no /.well-known/gpc.json${reads ? " (a script does read navigator.globalPrivacyControl)" : ", and no script reads navigator.globalPrivacyControl"}. Global Privacy Control is the browser signal (Firefox, Brave, DuckDuckGo, extensions) by which visitors opt out of sale/sharing; California (CPRA), Colorado and Connecticut require honouring it.`,
        fix: "Honour the signal: when navigator.globalPrivacyControl is true (or the Sec-GPC: 1 request header is present), treat the visitor as opted out of advertising/sharing trackers; then publish /.well-known/gpc.json containing {\"gpc\": true, \"lastUpdate\": \"<date>\"}.",
        evidence: `GET ${probe.url} -> ${probe.status ?? "unreachable"}\nnavigator.globalPrivacyControl read: ${reads ? "yes" : "no"}`,
      }),
    ];
  },
};
