// Cross-origin trust: a CORS policy that lets any site read authenticated responses, and third-party
// scripts/stylesheets loaded without Subresource Integrity.
import { trackerForUrl } from "../../data/trackers";
import type { CheckDefinition, CheckResult } from "../../types";
import { analyzablePages, fail, listPreview } from "../shared/result";
import { hostOf, isExecutableScript, isThirdPartyUrl, urlWithoutQuery } from "../shared/web";

/** The foreign origin gather sends in its CORS probe (see SiteArtifacts.corsProbe). */
export const CORS_PROBE_ORIGIN = "https://evil.example";

export const corsPermissive: CheckDefinition = {
  rule: "cors-permissive",
  pillar: "security",
  severity: "high",
  weight: 3,
  title: "CORS lets other sites read responses",
  scope: "site",
  run(ctx) {
    const probe = ctx.site.corsProbe;
    if (!probe || probe.status === null) return "n/a";
    const acao = probe.headers["access-control-allow-origin"]?.trim();
    if (!acao) return [];
    const credentials = probe.headers["access-control-allow-credentials"]?.trim().toLowerCase() === "true";
    const reflects = acao.toLowerCase() === CORS_PROBE_ORIGIN || acao === "null";
    const evidence = `Request Origin: ${CORS_PROBE_ORIGIN}\nAccess-Control-Allow-Origin: ${acao}\nAccess-Control-Allow-Credentials: ${probe.headers["access-control-allow-credentials"] ?? "(absent)"}`;
    const base = { url: probe.url, siteWide: true, evidence };
    const out: CheckResult[] = [];
    if (reflects && credentials) {
      out.push(
        fail(corsPermissive, {
          ...base,
          key: "reflected-origin-credentials",
          description: `The server echoes any Origin (here ${acao}) in Access-Control-Allow-Origin and allows credentials. Any website a logged-in user visits can make requests with the user's cookies and read the answers — account data, CSRF tokens, API responses.`,
          fix: "Only echo origins from an explicit allow-list (exact match on scheme+host+port), never 'null', and send `Vary: Origin`. Drop Access-Control-Allow-Credentials unless a known origin really needs cookies.",
        }),
      );
    } else if (acao === "*" && credentials) {
      out.push(
        fail(corsPermissive, {
          ...base,
          key: "wildcard-credentials",
          severity: "medium",
          description: "Access-Control-Allow-Origin: * is combined with Access-Control-Allow-Credentials: true. Browsers refuse this combination, so it signals a CORS setup that is one 'fix' away from reflecting origins with credentials.",
          fix: "Decide which origins may read credentialed responses and list them explicitly; keep `*` only for public, cookie-less resources and without Allow-Credentials.",
        }),
      );
    } else if (reflects) {
      out.push(
        fail(corsPermissive, {
          ...base,
          key: "reflected-origin",
          severity: "low",
          description: `The server echoes any Origin (here ${acao}) in Access-Control-Allow-Origin. Without credentials this is equivalent to '*', harmless for public content, but it becomes a data leak as soon as credentials are allowed or the endpoint relies on network position (intranet, IP allow-lists).`,
          fix: "Echo only allow-listed origins and send `Vary: Origin`; use `*` explicitly for genuinely public resources.",
        }),
      );
    }
    return out;
  },
};

/**
 * Hosts whose responses differ per request by design (font CSS tailored to the user agent), so an integrity
 * hash cannot be pinned. Tracker scripts are skipped for the same reason; the trackers pillar covers them.
 */
const SRI_IMPOSSIBLE_HOSTS = new Set(["fonts.googleapis.com", "use.typekit.net", "p.typekit.net", "fast.fonts.net"]);

export const sriMissing: CheckDefinition = {
  rule: "sri-missing",
  pillar: "security",
  severity: "low",
  weight: 1,
  title: "Third-party script or stylesheet without Subresource Integrity",
  scope: "site",
  run(ctx) {
    const pages = analyzablePages(ctx.pages);
    if (pages.length === 0) return "n/a";
    const byHost = new Map<string, { kind: Set<string>; urls: Set<string>; pages: Set<string> }>();
    for (const page of pages) {
      const add = (src: string, kind: string) => {
        if (!isThirdPartyUrl(src, page.finalUrl || page.url)) return;
        const host = hostOf(src);
        if (SRI_IMPOSSIBLE_HOSTS.has(host) || trackerForUrl(src)) return;
        const entry = byHost.get(host) ?? { kind: new Set(), urls: new Set(), pages: new Set() };
        entry.kind.add(kind);
        entry.urls.add(urlWithoutQuery(src));
        entry.pages.add(page.url);
        byHost.set(host, entry);
      };
      for (const s of page.dom.scripts) if (s.src && !s.integrity && isExecutableScript(s)) add(s.src, "script");
      for (const s of page.dom.stylesheets) if (!s.integrity) add(s.href, "stylesheet");
    }
    // One result per page carrying the same key: the engine merges them into one finding listing every page.
    return [...byHost].flatMap(([host, e]) => [...e.pages].map((pageUrl) =>
      fail(sriMissing, {
        url: pageUrl,
        key: host,
        siteWide: true,
        description: `The page loads ${[...e.kind].join(" and ")} file(s) from ${host} without an integrity attribute. If that host or CDN is compromised, the changed file runs with full access to your pages (as in the polyfill.io takeover).`,
        fix: `For versioned files add integrity and crossorigin: <script src="…" integrity="sha384-<hash>" crossorigin="anonymous"></script> (hash with \`openssl dgst -sha384 -binary file | openssl base64 -A\`). For files that change (tag managers, analytics), self-host them or restrict them with a Content-Security-Policy.`,
        evidence: listPreview([...e.urls]),
      }),
    ));
  },
};
