// Site files probed over HTTP: leaked /.git and /.env, public source maps, and security.txt. A probe body
// must really look like the file (many servers answer every path with a 200 HTML page).
import type { CheckDefinition, ProbeResult } from "../../types";
import { fail, listPreview, maskSecret, originUrl } from "../shared/result";
import { urlWithoutQuery } from "../shared/web";

function looksLikeHtml(probe: ProbeResult): boolean {
  return /html/i.test(probe.contentType ?? probe.headers["content-type"] ?? "") || /^\s*<(!doctype|html|head|body)/i.test(probe.body);
}

export function isGitConfig(probe: ProbeResult | null): boolean {
  if (!probe || probe.status !== 200 || looksLikeHtml(probe)) return false;
  return /^\s*\[core\]\s*$/m.test(probe.body) && /^\s*(repositoryformatversion|filemode|bare|logallrefupdates)\s*=/m.test(probe.body);
}

const ENV_LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/;

/** Variable names of a dotenv body, or null when it isn't one (mostly KEY=value lines, no HTML). */
export function parseEnvFile(probe: ProbeResult | null): { name: string; value: string }[] | null {
  if (!probe || probe.status !== 200 || looksLikeHtml(probe)) return null;
  const lines = probe.body.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  if (lines.length === 0) return null;
  const vars = lines.map((l) => ENV_LINE.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  if (vars.length === 0 || vars.length / lines.length < 0.6) return null;
  return vars.map((m) => ({ name: m[1], value: m[2].replace(/^["']|["']$/g, "") }));
}

export const gitConfigExposed: CheckDefinition = {
  rule: "git-config-exposed",
  pillar: "security",
  severity: "critical",
  weight: 5,
  title: "Git repository exposed (/.git/config is public)",
  scope: "site",
  run(ctx) {
    const probe = ctx.site.gitConfig;
    if (!probe) return "n/a";
    if (!isGitConfig(probe)) return [];
    return [
      fail(gitConfigExposed, {
        url: probe.url,
        key: "/.git/config",
        siteWide: true,
        description: "The web server serves the .git directory. Tools like git-dumper rebuild the whole repository from it — full source code and history, often with credentials that were committed at some point.",
        fix: "Block the directory at the web server (nginx: `location ~ /\\.git { deny all; }`, Apache: `RedirectMatch 404 /\\.git`), stop deploying .git to the web root, and rotate any secret that was ever committed.",
        evidence: `GET ${probe.url} -> ${probe.status}\n${probe.body.slice(0, 300).replace(/(url\s*=\s*\S*?\/\/)[^@\s/]+@/g, "$1***@")}`,
      }),
    ];
  },
};

export const envFileExposed: CheckDefinition = {
  rule: "env-file-exposed",
  pillar: "security",
  severity: "critical",
  weight: 5,
  title: "Environment file exposed (/.env is public)",
  scope: "site",
  run(ctx) {
    const probe = ctx.site.envFile;
    if (!probe) return "n/a";
    const vars = parseEnvFile(probe);
    if (!vars) return [];
    return [
      fail(envFileExposed, {
        url: probe.url,
        key: "/.env",
        siteWide: true,
        description: `The web server serves the application's .env file with ${vars.length} variable(s). These usually hold database passwords, API keys and signing secrets — anyone can download them.`,
        fix: "Remove .env from the web root (the document root should be the public/ build folder only), deny dotfiles at the server (nginx: `location ~ /\\. { deny all; }`), then rotate every credential the file contained.",
        evidence: `GET ${probe.url} -> ${probe.status}\n${listPreview(vars.map((v) => `${v.name}=${v.value ? maskSecret(v.value) : ""}`), 15)}`,
      }),
    ];
  },
};

export function isSourceMap(probe: ProbeResult): boolean {
  if (probe.status !== 200 || looksLikeHtml(probe)) return false;
  return /"version"\s*:\s*3/.test(probe.body) && /"(mappings|sources)"\s*:/.test(probe.body);
}

export const sourceMapPublic: CheckDefinition = {
  rule: "source-map-public",
  pillar: "security",
  severity: "low",
  weight: 1,
  title: "JavaScript source maps are public",
  scope: "site",
  run(ctx) {
    if (ctx.site.sourceMaps.length === 0) return "n/a";
    const maps = ctx.site.sourceMaps.filter(isSourceMap);
    if (maps.length === 0) return [];
    const withSources = maps.filter((m) => /"sourcesContent"\s*:\s*\[/.test(m.body)).length;
    return [
      fail(sourceMapPublic, {
        url: urlWithoutQuery(maps[0].url),
        key: "source-maps",
        siteWide: true,
        description: `${maps.length} source map(s) can be downloaded${withSources ? `, ${withSources} with the original source code embedded (sourcesContent)` : ""}. They reveal your unminified source, file layout, comments and internal endpoints, which makes finding vulnerabilities much easier.`,
        fix: "Don't deploy .map files publicly: disable them in the production build (e.g. Vite `build.sourcemap: false`, webpack `devtool: false`, Next `productionBrowserSourceMaps: false`) or upload them privately to your error tracker (Sentry 'hidden-source-map') and block *.map at the server.",
        evidence: listPreview(maps.map((m) => urlWithoutQuery(m.url))),
      }),
    ];
  },
};

function securityTxtFields(probe: ProbeResult | null): Map<string, string[]> | null {
  if (!probe || probe.status !== 200 || looksLikeHtml(probe)) return null;
  const fields = new Map<string, string[]>();
  for (const line of probe.body.split(/\r?\n/)) {
    const m = /^([A-Za-z-]+):\s*(.+)$/.exec(line.trim());
    if (!m) continue;
    const k = m[1].toLowerCase();
    fields.set(k, [...(fields.get(k) ?? []), m[2].trim()]);
  }
  return fields.has("contact") ? fields : null;
}

export const securityTxtMissing: CheckDefinition = {
  rule: "security-txt-missing",
  pillar: "security",
  severity: "low",
  weight: 1,
  title: "No security.txt",
  scope: "site",
  run(ctx) {
    const probe = ctx.site.securityTxt;
    if (!probe) return "n/a";
    if (securityTxtFields(probe)) return [];
    return [
      fail(securityTxtMissing, {
        url: originUrl(ctx.site.origin),
        key: "/.well-known/security.txt",
        siteWide: true,
        description: "There is no valid /.well-known/security.txt (RFC 9116). Researchers who find a vulnerability have no documented way to reach you, so reports get lost or go public instead.",
        fix: "Publish /.well-known/security.txt with at least:\nContact: mailto:security@your-domain\nExpires: <a date within the next year, ISO 8601>\nOptionally Policy:, Preferred-Languages: and a PGP Encryption: link.",
        evidence: `GET ${probe.url} -> ${probe.status ?? "unreachable"}${probe.status === 200 ? " (no Contact: field, or an HTML page)" : ""}`,
      }),
    ];
  },
};

export const securityTxtExpired: CheckDefinition = {
  rule: "security-txt-expired",
  pillar: "security",
  severity: "low",
  weight: 1,
  title: "security.txt is expired or has no Expires",
  scope: "site",
  run(ctx) {
    const fields = securityTxtFields(ctx.site.securityTxt);
    if (!fields || !ctx.site.securityTxt) return "n/a";
    const expires = fields.get("expires")?.[0];
    const when = expires ? Date.parse(expires) : Number.NaN;
    if (expires && Number.isFinite(when) && when > Date.now()) return [];
    return [
      fail(securityTxtExpired, {
        url: ctx.site.securityTxt.url,
        key: "expires",
        siteWide: true,
        title: expires && Number.isFinite(when) ? "security.txt has expired" : undefined,
        description: expires && Number.isFinite(when)
          ? `security.txt expired on ${new Date(when).toISOString().slice(0, 10)}. Researchers are told to treat an expired file as stale, so its contacts may be ignored.`
          : "security.txt has no valid Expires field, which RFC 9116 requires so readers know the contacts are still current.",
        fix: `Set \`Expires: ${new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10)}T00:00:00.000Z\` (less than a year ahead) and renew it on a schedule.`,
        evidence: expires ? `Expires: ${expires}` : "No Expires: field.",
      }),
    ];
  },
};

export const exposedFileChecks = [gitConfigExposed, envFileExposed, sourceMapPublic, securityTxtMissing, securityTxtExpired];
