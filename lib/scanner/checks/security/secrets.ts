// Credentials exposed in what the site sends to browsers: page HTML, inline and first-party scripts, JSON
// responses and public source maps. One finding per secret, keyed by type and where it was found.
import type { CheckDefinition, CheckResult, Severity } from "../../types";
import { fail, listPreview, maskSecret } from "../shared/result";
import { urlWithoutQuery } from "../shared/web";
import { SECRET_PATTERNS, decodeJwtPayload, looksLikePlaceholder, type SecretPattern } from "./secret-patterns";

interface Hit {
  pattern: SecretPattern;
  type: string;
  label: string;
  severity: Severity;
  secret: string;
  context: string;
  locations: string[];
}

const CONTEXT = 60;

/** Masks every secret-looking substring, so evidence snippets never carry a full credential. */
export function maskAllSecrets(text: string): string {
  let out = text;
  for (const p of SECRET_PATTERNS) {
    out = out.replace(new RegExp(p.re.source, p.re.flags), (m: string, g1?: string) => {
      const secret = typeof g1 === "string" ? g1 : m;
      return m.replace(secret, maskSecret(secret));
    });
  }
  return out;
}

function classifyJwt(token: string): { type: string; label: string; severity: Severity } | null {
  const payload = decodeJwtPayload(token);
  if (!payload) return null;
  const exp = typeof payload.exp === "number" ? payload.exp : undefined;
  if (exp !== undefined && exp * 1000 < Date.now()) return null; // expired: nothing left to abuse
  if (payload.role === "service_role") {
    return { type: "supabase-service-role-key", label: "Supabase service_role key (bypasses row-level security)", severity: "critical" };
  }
  if (payload.role === "anon") return null; // public by design
  return { type: "jwt", label: "JSON Web Token", severity: "low" };
}

export function findSecrets(text: string): { pattern: SecretPattern; type: string; label: string; severity: Severity; secret: string; context: string }[] {
  const out: { pattern: SecretPattern; type: string; label: string; severity: Severity; secret: string; context: string }[] = [];
  for (const pattern of SECRET_PATTERNS) {
    for (const m of text.matchAll(new RegExp(pattern.re.source, pattern.re.flags))) {
      const secret = m[1] ?? m[0];
      if (pattern.type !== "private-key" && looksLikePlaceholder(secret)) continue;
      let { type, label, severity } = pattern;
      if (type === "jwt") {
        const c = classifyJwt(secret);
        if (!c) continue;
        ({ type, label, severity } = c);
      }
      const at = m.index ?? 0;
      const raw = text.slice(Math.max(0, at - CONTEXT), Math.min(text.length, at + m[0].length + CONTEXT));
      out.push({ pattern, type, label, severity, secret, context: maskAllSecrets(raw).replace(/\s+/g, " ").trim() });
    }
  }
  return out;
}

export const exposedSecret: CheckDefinition = {
  rule: "exposed-secret",
  pillar: "security",
  severity: "critical",
  weight: 5,
  title: "Secret credential exposed to browsers",
  scope: "site",
  run(ctx) {
    const sources: { location: string; text: string }[] = [];
    for (const page of ctx.pages) {
      if (page.dom.html) sources.push({ location: page.url, text: page.dom.html });
      for (const s of page.dom.scripts) if (s.inline && s.inlineText) sources.push({ location: page.url, text: s.inlineText });
      for (const r of page.requests) {
        // Third-party bundles are not the site's secrets to rotate.
        if (r.thirdParty || !r.body || r.url === page.url || r.url === page.finalUrl) continue;
        sources.push({ location: r.url, text: r.body });
      }
    }
    for (const map of ctx.site.sourceMaps) {
      if (map.status === 200 && map.body) sources.push({ location: map.url, text: map.body });
    }
    if (sources.length === 0) return "n/a";

    const hits = new Map<string, Hit>();
    for (const src of sources) {
      for (const f of findSecrets(src.text)) {
        const id = `${f.type}\u0000${f.secret}`;
        const hit = hits.get(id) ?? { ...f, locations: [] };
        const loc = urlWithoutQuery(src.location);
        if (!hit.locations.includes(loc)) hit.locations.push(loc);
        hits.set(id, hit);
      }
    }
    const out: CheckResult[] = [];
    for (const hit of hits.values()) {
      // Prefer the script file over the pages that include it: that's what must change.
      const primary = [...hit.locations].sort((a, b) => Number(/\.m?js$|\.map$/.test(b)) - Number(/\.m?js$|\.map$/.test(a)))[0];
      out.push(
        fail(exposedSecret, {
          url: primary,
          key: `${hit.type}@${primary}`,
          severity: hit.severity,
          title: `${hit.label} exposed in ${/\.map$/.test(primary) ? "a source map" : /\.m?js$/.test(primary) ? "JavaScript" : "the page"}`,
          description: `A ${hit.label} (${maskSecret(hit.secret)}) is delivered to every visitor's browser. Anyone can read it with "view source", and bots scrape the web for exactly these patterns within minutes of publication.`,
          fix: hit.pattern.fix,
          evidence: `${hit.label}: ${maskSecret(hit.secret)}\nFound in:\n${listPreview(hit.locations, 5)}\nContext: …${hit.context}…`,
        }),
      );
    }
    return out;
  },
};
