// Content-Security-Policy presence and quality. One finding per site per problem (siteWide + key).
import type { CheckDefinition, CheckResult } from "../../types";
import { fail } from "../shared/result";
import { documentPage } from "../shared/web";
import {
  allPolicies,
  allowsEval,
  allowsInlineScript,
  pageCsp,
  scriptSources,
  wildcardScriptSources,
} from "./csp-parse";

const STARTER_POLICY =
  "Content-Security-Policy: default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

export const cspMissing: CheckDefinition = {
  rule: "csp-missing",
  pillar: "security",
  severity: "medium",
  weight: 3,
  title: "No Content-Security-Policy",
  scope: "page",
  run(ctx) {
    const page = documentPage(ctx.page);
    if (!page) return "n/a";
    const csp = pageCsp(page);
    if (csp.enforced.length > 0) return [];
    const reportOnly = csp.reportOnly.length > 0;
    return [
      fail(cspMissing, {
        url: page.url,
        key: reportOnly ? "report-only" : "missing",
        siteWide: true,
        title: reportOnly ? "Content-Security-Policy is report-only" : undefined,
        description: reportOnly
          ? "The page only sends Content-Security-Policy-Report-Only. A report-only policy reports violations but blocks nothing, so an injected script still runs. Report-only is a rollout step, not protection."
          : "The page sends no Content-Security-Policy (neither header nor <meta>). A CSP is the main browser-side defence against cross-site scripting: it limits where scripts, frames and plugins may come from, so an injected <script> cannot load or run.",
        fix: reportOnly
          ? "Once the reports are clean, send the same policy as `Content-Security-Policy` (keep the report-only header for the next, stricter version)."
          : `Send a policy from your server or CDN, starting strict and relaxing for what the site really loads, e.g.\n${STARTER_POLICY}\nRoll it out with Content-Security-Policy-Report-Only first if unsure.`,
        evidence: csp.raw.length > 0 ? csp.raw.join("\n") : "No Content-Security-Policy header or <meta http-equiv> on the page.",
      }),
    ];
  },
};

export const cspUnsafeInline: CheckDefinition = {
  rule: "csp-unsafe-inline",
  pillar: "security",
  severity: "medium",
  weight: 2,
  title: "CSP allows inline scripts ('unsafe-inline')",
  scope: "page",
  run(ctx) {
    const page = documentPage(ctx.page);
    if (!page) return "n/a";
    const csp = pageCsp(page);
    if (csp.enforced.length === 0) return "n/a"; // csp-missing covers it
    if (!allPolicies(csp.enforced, allowsInlineScript)) return [];
    const noScriptDirective = csp.enforced.every((p) => scriptSources(p) === null);
    return [
      fail(cspUnsafeInline, {
        url: page.url,
        key: noScriptDirective ? "no-script-src" : "unsafe-inline",
        siteWide: true,
        title: noScriptDirective ? "CSP does not restrict scripts (no script-src or default-src)" : undefined,
        description: noScriptDirective
          ? "The Content-Security-Policy has neither script-src nor default-src, so it places no limit on scripts: inline and injected scripts from any origin run. It gives no protection against cross-site scripting."
          : "script-src (or default-src) contains 'unsafe-inline' without a nonce or hash, so any injected inline <script> or on* event handler runs. This removes most of the cross-site-scripting protection a CSP gives.",
        fix: "Remove 'unsafe-inline' from script-src. Move inline scripts to files, or give each inline <script> a per-response nonce (script-src 'nonce-<random>' 'strict-dynamic') or a hash ('sha256-…'). Replace onclick=… attributes with addEventListener.",
        evidence: csp.raw.join("\n"),
      }),
    ];
  },
};

export const cspUnsafeEval: CheckDefinition = {
  rule: "csp-unsafe-eval",
  pillar: "security",
  severity: "low",
  weight: 1,
  title: "CSP allows eval ('unsafe-eval')",
  scope: "page",
  run(ctx) {
    const page = documentPage(ctx.page);
    if (!page) return "n/a";
    const csp = pageCsp(page);
    if (csp.enforced.length === 0) return "n/a";
    const explicit = csp.enforced.every((p) => (scriptSources(p) ?? []).includes("'unsafe-eval'"));
    if (!allPolicies(csp.enforced, allowsEval) || !explicit) return [];
    return [
      fail(cspUnsafeEval, {
        url: page.url,
        key: "unsafe-eval",
        siteWide: true,
        description: "script-src contains 'unsafe-eval', so eval(), new Function() and string setTimeout run. Attacker-controlled strings reaching these sinks become code execution.",
        fix: "Remove 'unsafe-eval' from script-src. Replace eval/new Function with JSON.parse or real functions; most bundlers have a CSP-safe build (e.g. Vue's runtime-only build, no 'eval' devtool in webpack production).",
        evidence: csp.raw.join("\n"),
      }),
    ];
  },
};

export const cspWildcardSource: CheckDefinition = {
  rule: "csp-wildcard-source",
  pillar: "security",
  severity: "medium",
  weight: 2,
  title: "CSP allows scripts from any host",
  scope: "page",
  run(ctx) {
    const page = documentPage(ctx.page);
    if (!page) return "n/a";
    const csp = pageCsp(page);
    if (csp.enforced.length === 0) return "n/a";
    const perPolicy = csp.enforced.map(wildcardScriptSources);
    if (!perPolicy.every((w) => w.length > 0)) return [];
    const sources = [...new Set(perPolicy.flat())];
    return [
      fail(cspWildcardSource, {
        url: page.url,
        key: "script-src",
        siteWide: true,
        description: `The script sources include ${sources.join(", ")}, which lets a page load scripts from any host (or data: URLs). An attacker who can inject a <script src> can host the payload anywhere, so the policy does not stop cross-site scripting.`,
        fix: "List the exact origins you load scripts from (script-src 'self' https://cdn.example.com), or use nonces with 'strict-dynamic'. Never allow *, http:, https: or data: in script-src/default-src.",
        evidence: csp.raw.join("\n"),
      }),
    ];
  },
};

export const cspMissingDirective: CheckDefinition = {
  rule: "csp-missing-directive",
  pillar: "security",
  severity: "low",
  weight: 1,
  title: "CSP lacks object-src or base-uri",
  scope: "page",
  run(ctx) {
    const page = documentPage(ctx.page);
    if (!page) return "n/a";
    const csp = pageCsp(page);
    if (csp.enforced.length === 0) return "n/a";
    const out: CheckResult[] = [];
    // object-src falls back to default-src; base-uri has no fallback.
    const objectRestricted = csp.enforced.some((p) => {
      const src = p.get("object-src") ?? p.get("default-src");
      return src !== undefined && !src.some((s) => s === "*" || /^https?:$/.test(s));
    });
    if (!objectRestricted) {
      out.push(
        fail(cspMissingDirective, {
          url: page.url,
          key: "object-src",
          siteWide: true,
          title: "CSP does not restrict plugins (object-src)",
          description: "Neither object-src nor default-src restricts <object>/<embed>. Plugin content can run script outside the rest of the policy; CSP guidance is to set object-src 'none'.",
          fix: "Add `object-src 'none'` to the Content-Security-Policy.",
          evidence: csp.raw.join("\n"),
        }),
      );
    }
    if (!csp.enforced.some((p) => p.has("base-uri"))) {
      out.push(
        fail(cspMissingDirective, {
          url: page.url,
          key: "base-uri",
          siteWide: true,
          title: "CSP does not restrict <base> (base-uri)",
          description: "The policy has no base-uri (it does not fall back to default-src). An injected <base href> can re-point every relative script URL to an attacker's host, bypassing nonce-based policies.",
          fix: "Add `base-uri 'self'` (or 'none') to the Content-Security-Policy.",
          evidence: csp.raw.join("\n"),
        }),
      );
    }
    return out;
  },
};

export const cspChecks = [cspMissing, cspUnsafeInline, cspUnsafeEval, cspWildcardSource, cspMissingDirective];
