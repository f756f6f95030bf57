// Content-Security-Policy parsing as browsers do it: several policies (repeated headers, comma-joined
// values, a <meta http-equiv>) are all enforced, so a resource must pass every one of them.
import type { PageArtifacts } from "../../types";

export type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(";")) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const name = tokens[0].toLowerCase();
    // Browsers ignore a repeated directive; the first one counts.
    if (!policy.has(name)) policy.set(name, tokens.slice(1).map((t) => (t.startsWith("'") ? t.toLowerCase() : t)));
  }
  return policy;
}

export function parsePolicies(value: string | undefined): Policy[] {
  if (!value) return [];
  return value
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(parsePolicy)
    .filter((p) => p.size > 0);
}

const META_IGNORED = ["frame-ancestors", "report-uri", "report-to", "sandbox"];

export interface PageCsp {
  enforced: Policy[];
  reportOnly: Policy[];
  /** raw text of what was found, for evidence */
  raw: string[];
}

export function pageCsp(page: PageArtifacts): PageCsp {
  const header = page.responseHeaders["content-security-policy"];
  const reportOnlyHeader = page.responseHeaders["content-security-policy-report-only"];
  const enforced = parsePolicies(header);
  const raw: string[] = [];
  if (header) raw.push(`Content-Security-Policy: ${header}`);
  if (page.dom.metaCsp) {
    for (const p of parsePolicies(page.dom.metaCsp)) {
      for (const d of META_IGNORED) p.delete(d);
      if (p.size > 0) enforced.push(p);
    }
    raw.push(`<meta http-equiv="Content-Security-Policy" content="${page.dom.metaCsp}">`);
  }
  if (reportOnlyHeader) raw.push(`Content-Security-Policy-Report-Only: ${reportOnlyHeader}`);
  return { enforced, reportOnly: parsePolicies(reportOnlyHeader), raw };
}

/** The sources governing classic <script> loading: script-src, else default-src; null = unrestricted. */
export function scriptSources(p: Policy): string[] | null {
  return p.get("script-src") ?? p.get("default-src") ?? null;
}

const NONCE_OR_HASH = /^'(nonce-|sha256-|sha384-|sha512-)/;

export function hasNonceOrHash(sources: string[]): boolean {
  return sources.some((s) => NONCE_OR_HASH.test(s));
}

/** Inline scripts run: no script restriction, or 'unsafe-inline' not neutralised by a nonce/hash/strict-dynamic. */
export function allowsInlineScript(p: Policy): boolean {
  const src = scriptSources(p);
  if (src === null) return true;
  if (!src.includes("'unsafe-inline'")) return false;
  return !hasNonceOrHash(src) && !src.includes("'strict-dynamic'");
}

export function allowsEval(p: Policy): boolean {
  const src = scriptSources(p);
  return src === null || src.includes("'unsafe-eval'");
}

const WILDCARD_SOURCES = new Set(["*", "http:", "https:", "data:", "blob:", "http://*", "https://*"]);

/** Sources in the script directive that let scripts load from anywhere (ignored under 'strict-dynamic'). */
export function wildcardScriptSources(p: Policy): string[] {
  const src = scriptSources(p);
  if (src === null) return [];
  if (src.includes("'strict-dynamic'") && hasNonceOrHash(src)) return [];
  return src.filter((s) => WILDCARD_SOURCES.has(s.toLowerCase()));
}

/** Every enforced policy must allow a thing for the browser to allow it. */
export function allPolicies(policies: Policy[], allows: (p: Policy) => boolean): boolean {
  return policies.length === 0 || policies.every(allows);
}
