// Transport security: HTTPS at all, mixed content on HTTPS pages, passwords over HTTP, and the
// certificate/protocol of HTTPS pages.
import type { CheckDefinition, CheckResult, PageArtifacts, ProbeResult, ResourceType } from "../../types";
import { analyzablePages, fail, listPreview, originUrl } from "../shared/result";
import { hostOf, isExecutableScript, isHttpUrl, isLoopbackHost, pageIsHttps, parseUrl, urlWithoutQuery } from "../shared/web";

export const plainHttp: CheckDefinition = {
  rule: "plain-http",
  pillar: "security",
  severity: "high",
  weight: 5,
  title: "Site is served over plain HTTP",
  scope: "site",
  run(ctx) {
    const pages = analyzablePages(ctx.pages);
    if (pages.length === 0) return "n/a";
    const insecure = pages.filter((p) => !pageIsHttps(p));
    if (insecure.length === 0) return httpRedirectMissing(ctx.site.httpProbe);
    const loopback = isLoopbackHost(hostOf(ctx.site.origin));
    const chain = insecure[0].redirects.map((r) => `${r.status} ${r.url} -> ${r.location}`);
    return [
      fail(plainHttp, {
        url: originUrl(ctx.site.origin),
        key: "http",
        siteWide: true,
        description:
          "Pages are delivered over unencrypted HTTP and do not redirect to HTTPS. Anyone on the network path (public Wi-Fi, ISP, a compromised router) can read and modify them: steal session cookies and form input, or inject scripts." +
          (loopback ? " (This scan ran against a loopback address, where no certificate is available; it matters for the public deployment.)" : ""),
        fix: "Serve the site over HTTPS (a free certificate from Let's Encrypt or your host/CDN), redirect every http:// URL with a 301 to its https:// equivalent, then add Strict-Transport-Security.",
        evidence: listPreview([
          ...insecure.map((p) => `${p.finalUrl || p.url} (status ${p.status})`),
          ...(chain.length ? ["Redirect chain:", ...chain] : []),
        ]),
      }),
    ];
  },
};

/** An HTTPS site whose http:// address answers with content instead of redirecting to https://. */
function httpRedirectMissing(probe: ProbeResult | null | undefined): CheckResult[] {
  if (!probe || probe.status === null) return []; // nothing listens on plain HTTP: fine
  const location = probe.headers.location ?? "";
  const redirectsToHttps = probe.status >= 300 && probe.status < 400 && /^https:\/\//i.test(location);
  if (redirectsToHttps) return [];
  return [
    fail(plainHttp, {
      url: probe.url,
      key: "http-no-redirect",
      siteWide: true,
      severity: "medium",
      title: "HTTP version of the site does not redirect to HTTPS",
      description: `${probe.url} answers ${probe.status}${location ? ` with Location: ${location}` : ""} instead of redirecting to HTTPS. Visitors who type the bare domain or follow an old http:// link stay on an unencrypted connection that can be read and modified (HSTS, if set, only protects browsers that already visited over HTTPS).`,
      fix: "Answer every http:// request with a 301 to the same path on https:// (nginx: `return 301 https://$host$request_uri;`), then add Strict-Transport-Security.",
      evidence: `GET ${probe.url} -> ${probe.status}${location ? `\nLocation: ${location}` : ""}`,
    }),
  ];
}

const ACTIVE_TYPES: ResourceType[] = ["script", "stylesheet", "xhr", "fetch", "websocket", "document", "font", "other"];

export const mixedContent: CheckDefinition = {
  rule: "mixed-content",
  pillar: "security",
  severity: "high",
  weight: 3,
  title: "HTTPS page loads resources over HTTP (mixed content)",
  scope: "page",
  run(ctx) {
    const page = ctx.page && ctx.page.status !== null ? ctx.page : null;
    if (!page || !pageIsHttps(page)) return "n/a";
    const found = new Map<string, { active: boolean; urls: Set<string> }>();
    const add = (url: string, active: boolean) => {
      const host = hostOf(url);
      const kind = active ? "active" : "passive";
      const key = `${kind}:${host}`;
      const entry = found.get(key) ?? { active, urls: new Set<string>() };
      entry.urls.add(urlWithoutQuery(url));
      found.set(key, entry);
    };
    for (const r of page.requests) {
      if (r.url === page.url || r.url === page.finalUrl) continue;
      if (isHttpUrl(r.url) || r.url.startsWith("ws:")) add(r.url, ACTIVE_TYPES.includes(r.resourceType));
    }
    // Browsers block active mixed content before a request exists; the DOM still shows it.
    for (const s of page.dom.scripts) if (s.src && isHttpUrl(s.src) && isExecutableScript(s)) add(s.src, true);
    for (const s of page.dom.stylesheets) if (isHttpUrl(s.href)) add(s.href, true);
    for (const f of page.dom.iframes) if (isHttpUrl(f.src)) add(f.src, true);
    for (const i of page.dom.images) if (isHttpUrl(i.src)) add(i.src, false);
    const out: CheckResult[] = [];
    for (const [key, entry] of found) {
      out.push(
        fail(mixedContent, {
          url: page.url,
          key,
          siteWide: true,
          severity: entry.active ? "high" : "medium",
          title: entry.active ? undefined : "HTTPS page loads images or media over HTTP",
          description: entry.active
            ? "This HTTPS page requests scripts, stylesheets, frames or API calls over plain HTTP. Browsers block them (breaking the page) or, where allowed, a network attacker can replace them and take over the page — the padlock no longer means what it says."
            : "This HTTPS page loads images or media over plain HTTP. A network attacker can swap them, and they reveal what the visitor is looking at; browsers mark the page as not fully secure.",
          fix: "Change these URLs to https:// (or protocol-relative to the page), make sure the host serves HTTPS, and add `Content-Security-Policy: upgrade-insecure-requests` as a safety net.",
          evidence: listPreview([...entry.urls]),
        }),
      );
    }
    return out;
  },
};

export const passwordFormInsecure: CheckDefinition = {
  rule: "password-form-insecure",
  pillar: "security",
  severity: "high",
  weight: 4,
  title: "Password form on HTTP or posting to HTTP",
  scope: "page",
  run(ctx) {
    const page = ctx.page && ctx.page.status !== null ? ctx.page : null;
    if (!page) return "n/a";
    const forms = page.dom.forms.filter((f) => f.hasPassword);
    if (forms.length === 0) return "n/a";
    const out: CheckResult[] = [];
    for (const form of forms) {
      const pageInsecure = !pageIsHttps(page);
      const actionInsecure = isHttpUrl(form.action);
      if (!pageInsecure && !actionInsecure) continue;
      out.push(
        fail(passwordFormInsecure, {
          url: page.url,
          selector: form.selector,
          key: pageInsecure ? "page-http" : `action:${hostOf(form.action)}`,
          description: pageInsecure
            ? "A form with a password field is served over plain HTTP. The password can be read on the network, and an attacker can rewrite the form to post anywhere. Browsers also warn users ('Not secure') on such pages."
            : `The password form posts to an http:// URL (${urlWithoutQuery(form.action)}), so the password travels unencrypted even though the page is HTTPS.`,
          fix: pageInsecure
            ? "Serve the login page (and the whole site) over HTTPS and redirect HTTP to HTTPS."
            : "Change the form's action to an https:// URL (or a relative path on this HTTPS site).",
          evidence: `<form action="${form.action}" method="${form.method}"> with a password input (${form.selector})`,
        }),
      );
    }
    return out;
  },
};

const DAY = 86_400;
const WEAK_PROTOCOLS = /^(ssl|tls ?1(\.0|\.1)?$|tlsv1(\.0|\.1)?$)/i;
/** Chromium no longer speaks TLS 1.0/1.1: a server offering nothing newer fails with these errors. */
const PROTOCOL_ERRORS = /ERR_SSL_(VERSION_OR_CIPHER_MISMATCH|OBSOLETE_VERSION)/;

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** One representative HTTPS page per host: certificates are per host. */
function httpsPagesByHost(pages: PageArtifacts[]): Map<string, PageArtifacts> {
  const byHost = new Map<string, PageArtifacts>();
  for (const p of analyzablePages(pages)) {
    if (!pageIsHttps(p) || !p.tls) continue;
    const host = parseUrl(p.finalUrl || p.url)?.host ?? "";
    if (!byHost.has(host)) byHost.set(host, p);
  }
  return byHost;
}

export const tlsCertificate: CheckDefinition = {
  rule: "tls-certificate-invalid",
  pillar: "security",
  severity: "critical",
  weight: 5,
  title: "TLS certificate invalid or expired",
  scope: "site",
  run(ctx) {
    // A certificate error may leave the page without a response; look at every page with TLS facts.
    const byHost = new Map<string, PageArtifacts>();
    for (const p of ctx.pages) {
      if (!p.tls || !pageIsHttps(p)) continue;
      const host = parseUrl(p.finalUrl || p.url)?.host ?? "";
      if (!byHost.has(host) || p.tls.error) byHost.set(host, p);
    }
    if (byHost.size === 0) return "n/a";
    const out: CheckResult[] = [];
    for (const [host, page] of byHost) {
      const tls = page.tls!;
      if (tls.error && PROTOCOL_ERRORS.test(tls.error)) continue; // tls-weak-protocol reports it
      const expired = tls.validTo !== undefined && tls.validTo < nowSeconds();
      const notYet = tls.validFrom !== undefined && tls.validFrom > nowSeconds() + 300;
      if (!tls.error && !expired && !notYet) continue;
      const problem = tls.error ?? (expired ? "certificate expired" : "certificate not yet valid");
      out.push(
        fail(tlsCertificate, {
          url: page.url,
          key: host,
          siteWide: true,
          description: `Browsers reject the certificate for ${host} (${problem}) and show a full-page security warning; most visitors leave, and the ones who click through are exposed to interception.`,
          fix: expired
            ? "Renew the certificate now and automate renewal (certbot/ACME client, or your host's managed certificates); monitor expiry."
            : "Install a certificate issued by a public CA that covers this exact host name (check SANs) with the full intermediate chain.",
          evidence: [
            `Error: ${problem}`,
            tls.subjectName ? `Subject: ${tls.subjectName}` : "",
            tls.issuer ? `Issuer: ${tls.issuer}` : "",
            tls.validTo ? `Valid to: ${new Date(tls.validTo * 1000).toISOString()}` : "",
          ].filter(Boolean).join("\n"),
        }),
      );
    }
    return out;
  },
};

export const tlsExpiring: CheckDefinition = {
  rule: "tls-certificate-expiring",
  pillar: "security",
  severity: "medium",
  weight: 2,
  title: "TLS certificate expires within 30 days",
  scope: "site",
  run(ctx) {
    const byHost = httpsPagesByHost(ctx.pages);
    if (byHost.size === 0) return "n/a";
    const out: CheckResult[] = [];
    for (const [host, page] of byHost) {
      const validTo = page.tls?.validTo;
      if (validTo === undefined || page.tls?.error) continue;
      const days = (validTo - nowSeconds()) / DAY;
      if (days < 0 || days >= 30) continue;
      out.push(
        fail(tlsExpiring, {
          url: page.url,
          key: host,
          siteWide: true,
          severity: days < 7 ? "high" : "medium",
          description: `The certificate for ${host} expires in ${Math.max(0, Math.floor(days))} days (${new Date(validTo * 1000).toISOString().slice(0, 10)}). When it does, every visitor gets a blocking browser warning. Automated renewal normally renews 30 days ahead, so this suggests renewal is failing or manual.`,
          fix: "Renew the certificate and check that automatic renewal works (e.g. `certbot renew --dry-run`, or your host's certificate dashboard).",
          evidence: `Issuer: ${page.tls?.issuer ?? "?"}\nValid to: ${new Date(validTo * 1000).toISOString()}`,
        }),
      );
    }
    return out;
  },
};

export const tlsWeakProtocol: CheckDefinition = {
  rule: "tls-weak-protocol",
  pillar: "security",
  severity: "high",
  weight: 3,
  title: "Obsolete TLS protocol",
  scope: "site",
  run(ctx) {
    // Failed pages count too: a server that only offers TLS 1.0/1.1 never produces a response in Chromium.
    const byHost = new Map<string, PageArtifacts>();
    for (const p of ctx.pages) {
      if (!p.tls || !pageIsHttps(p)) continue;
      const host = parseUrl(p.finalUrl || p.url)?.host ?? "";
      if (!byHost.has(host)) byHost.set(host, p);
    }
    if (byHost.size === 0) return "n/a";
    const out: CheckResult[] = [];
    for (const [host, page] of byHost) {
      const protocol = page.tls?.protocol?.trim();
      const refused = page.tls?.error !== undefined && PROTOCOL_ERRORS.test(page.tls.error);
      if (!refused && (!protocol || !WEAK_PROTOCOLS.test(protocol))) continue;
      out.push(
        fail(tlsWeakProtocol, {
          url: page.url,
          key: host,
          siteWide: true,
          severity: refused ? "critical" : "high",
          title: refused ? "Server offers only obsolete TLS versions" : undefined,
          description: refused
            ? `Chromium refused to connect to ${host} (${page.tls?.error}): the server offers no protocol version or cipher current browsers accept — typically TLS 1.0/1.1 only (deprecated by RFC 8996). Visitors with up-to-date browsers cannot open the site.`
            : `${host} negotiated ${protocol}. SSL and TLS 1.0/1.1 are deprecated (RFC 8996) with known weaknesses; current browsers refuse them.`,
          fix: "Enable TLS 1.2 and 1.3 with modern ciphers (nginx: `ssl_protocols TLSv1.2 TLSv1.3;`, Apache: `SSLProtocol -all +TLSv1.2 +TLSv1.3`); the Mozilla SSL Configuration Generator gives tested settings.",
          evidence: refused ? `Error: ${page.tls?.error}` : `Protocol: ${protocol}${page.tls?.cipher ? `\nCipher: ${page.tls.cipher}` : ""}`,
        }),
      );
    }
    return out;
  },
};

export const transportChecks = [plainHttp, mixedContent, passwordFormInsecure, tlsCertificate, tlsExpiring, tlsWeakProtocol];
