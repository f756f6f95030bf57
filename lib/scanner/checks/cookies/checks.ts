// Cookie attribute and lifetime problems, third-party cookies and tracking cookies set before consent.
// One finding per cookie (siteWide, keyed name@domain) reported on the first page it appeared on.
import { CATEGORY_LABELS } from "../../data/trackers";
import type { CheckDefinition, CheckResult } from "../../types";
import { fail, listPreview } from "../shared/result";
import { pageIsHttps } from "../shared/web";
import { collectCookies, cookieKey, cookieTracker, describeCookie, isSessionLike, type SeenCookie } from "./classify";

const DAY = 86_400;
/** 13 months: the longest lifetime the CNIL and EDPB guidance accept for consent-based cookies. */
export const MAX_LIFETIME_DAYS = 395;

function evidence(seen: SeenCookie): string {
  return `${describeCookie(seen.cookie)}\nSeen on: ${listPreview(seen.pages.map((p) => p.url), 5)}`;
}

function firstParty(ctxPages: Parameters<typeof collectCookies>[0]): SeenCookie[] {
  return collectCookies(ctxPages).filter((s) => !s.cookie.thirdParty);
}

export const cookieMissingSecure: CheckDefinition = {
  rule: "cookie-missing-secure",
  pillar: "cookies",
  severity: "medium",
  weight: 3,
  title: "Cookie without the Secure flag",
  scope: "site",
  run(ctx) {
    const cookies = firstParty(ctx.pages);
    if (cookies.length === 0) return "n/a";
    const out: CheckResult[] = [];
    for (const seen of cookies) {
      const c = seen.cookie;
      if (c.secure) continue;
      const onHttps = seen.pages.some(pageIsHttps);
      const sameSiteNone = c.sameSite === "None";
      if (!onHttps && !sameSiteNone) continue; // on a plain-HTTP site plain-http is the finding
      const session = isSessionLike(c);
      out.push(
        fail(cookieMissingSecure, {
          url: seen.pages[0].url,
          key: cookieKey(c),
          siteWide: true,
          severity: session ? "high" : sameSiteNone ? "medium" : "low",
          title: sameSiteNone ? `Cookie ${c.name} is SameSite=None without Secure` : `Cookie ${c.name} is missing Secure`,
          description: sameSiteNone
            ? `${c.name} is set with SameSite=None but without Secure. Browsers reject such cookies outright, so whatever relies on it (embedded login, cross-site widget) silently breaks — and where accepted it travels over plain HTTP.`
            : `${c.name} is set on an HTTPS site without the Secure flag, so the browser also sends it over plain HTTP (any http:// link or request to the domain), where it can be read on the network.${session ? " It looks like a session/authentication cookie: whoever reads it can take over the session." : ""}`,
          fix: `Add Secure to the Set-Cookie header: \`Set-Cookie: ${c.name}=…; Path=${c.path}; Secure; HttpOnly; SameSite=Lax\` (framework: cookie option secure: true).`,
          evidence: evidence(seen),
        }),
      );
    }
    return out;
  },
};

export const cookieMissingHttpOnly: CheckDefinition = {
  rule: "cookie-missing-httponly",
  pillar: "cookies",
  severity: "medium",
  weight: 3,
  title: "Session cookie readable by JavaScript (no HttpOnly)",
  scope: "site",
  run(ctx) {
    const sessions = firstParty(ctx.pages).filter((s) => isSessionLike(s.cookie));
    if (sessions.length === 0) return "n/a";
    return sessions
      .filter((s) => !s.cookie.httpOnly)
      .map((seen) =>
        fail(cookieMissingHttpOnly, {
          url: seen.pages[0].url,
          key: cookieKey(seen.cookie),
          siteWide: true,
          title: `Session cookie ${seen.cookie.name} has no HttpOnly`,
          description: `${seen.cookie.name} looks like a session or authentication cookie but is readable from JavaScript (document.cookie). Any cross-site-scripting bug — or a compromised third-party script — can steal it and hijack the session.`,
          fix: `Set it HttpOnly on the server: \`Set-Cookie: ${seen.cookie.name}=…; HttpOnly; Secure; SameSite=Lax\`. If front-end code reads it, move that need to an API call instead.`,
          evidence: evidence(seen),
        }),
      );
  },
};

export const cookieSameSiteMissing: CheckDefinition = {
  rule: "cookie-samesite-missing",
  pillar: "cookies",
  severity: "low",
  weight: 1,
  title: "Session cookie without an explicit SameSite",
  scope: "site",
  run(ctx) {
    const sessions = firstParty(ctx.pages).filter((s) => isSessionLike(s.cookie));
    if (sessions.length === 0) return "n/a";
    return sessions
      .filter((s) => s.cookie.sameSite === undefined)
      .map((seen) =>
        fail(cookieSameSiteMissing, {
          url: seen.pages[0].url,
          key: cookieKey(seen.cookie),
          siteWide: true,
          title: `Session cookie ${seen.cookie.name} has no SameSite attribute`,
          description: `${seen.cookie.name} relies on the browser's default SameSite. Chrome treats it as Lax (with a 2-minute exception for top-level POSTs), but Safari and older browsers send it on cross-site requests, leaving the session open to cross-site request forgery.`,
          fix: `State it explicitly: \`Set-Cookie: ${seen.cookie.name}=…; SameSite=Lax\` (or Strict for admin sessions).`,
          evidence: evidence(seen),
        }),
      );
  },
};

export const cookieLongLifetime: CheckDefinition = {
  rule: "cookie-long-lifetime",
  pillar: "cookies",
  severity: "low",
  weight: 1,
  title: "Cookie lives longer than 13 months",
  scope: "site",
  run(ctx) {
    const cookies = collectCookies(ctx.pages);
    if (cookies.length === 0) return "n/a";
    const now = Date.now() / 1000;
    return cookies
      .filter((s) => s.cookie.expires > 0 && (s.cookie.expires - now) / DAY > MAX_LIFETIME_DAYS)
      .map((seen) => {
        const days = Math.round((seen.cookie.expires - now) / DAY);
        return fail(cookieLongLifetime, {
          url: seen.pages[0].url,
          key: cookieKey(seen.cookie),
          siteWide: true,
          title: `Cookie ${seen.cookie.name} lives ${days} days`,
          description: `${seen.cookie.name} expires in ${days} days. European regulators (CNIL, EDPB guidance under ePrivacy) expect consent-based cookies to last at most 13 months, after which consent must be asked again; long-lived identifiers also make visitors trackable for longer.`,
          fix: `Cap the lifetime: Max-Age=${MAX_LIFETIME_DAYS * DAY} (13 months) or less — e.g. gtag('config', id, { cookie_expires: ${MAX_LIFETIME_DAYS * DAY} }) for Google Analytics, or the maxAge option of your cookie library.`,
          evidence: evidence(seen),
        });
      });
  },
};

export const thirdPartyCookie: CheckDefinition = {
  rule: "third-party-cookie",
  pillar: "cookies",
  severity: "low",
  weight: 2,
  title: "Third-party cookies",
  scope: "site",
  run(ctx) {
    const cookies = collectCookies(ctx.pages);
    if (cookies.length === 0) return "n/a";
    const byDomain = new Map<string, SeenCookie[]>();
    for (const s of cookies) {
      if (!s.cookie.thirdParty) continue;
      const d = s.cookie.domain.replace(/^\./, "");
      byDomain.set(d, [...(byDomain.get(d) ?? []), s]);
    }
    return [...byDomain].map(([domain, list]) => {
      const tracker = list.map((s) => cookieTracker(s.cookie)).find(Boolean);
      const blocked = list.every((s) => s.cookie.blocked);
      return fail(thirdPartyCookie, {
        url: list[0].pages[0].url,
        key: domain,
        siteWide: true,
        severity: tracker && tracker.category !== "customer_interaction" ? "medium" : "low",
        title: `Third-party cookies from ${domain}${tracker ? ` (${tracker.name})` : ""}`,
        description: `Content embedded from ${domain}${tracker ? `, ${tracker.company}'s ${CATEGORY_LABELS[tracker.category]} service,` : ""} sets cookie(s) ${list.map((s) => s.cookie.name).join(", ")}. Third-party cookies let that company recognise the same visitor across every site that embeds it.${blocked ? " This browser blocked them (third-party-cookie blocking), but browsers that still allow them store them." : ""}`,
        fix: `Remove the embed if it is not needed, load it only after consent, or use a privacy-preserving variant (e.g. youtube-nocookie.com, a click-to-load facade). List ${domain} in your cookie policy.`,
        evidence: list.map((s) => describeCookie(s.cookie)).join("\n\n"),
      });
    });
  },
};

export const cookieBeforeConsent: CheckDefinition = {
  rule: "cookie-before-consent",
  pillar: "cookies",
  severity: "medium",
  weight: 3,
  title: "Tracking cookie set before consent",
  scope: "site",
  run(ctx) {
    const cookies = collectCookies(ctx.pages);
    if (cookies.length === 0) return "n/a";
    const out: CheckResult[] = [];
    for (const seen of cookies) {
      const c = seen.cookie;
      if (!c.setBeforeConsent || c.blocked) continue;
      const tracker = cookieTracker(c);
      if (!tracker || tracker.category === "customer_interaction" || tracker.category === "fingerprinting") continue;
      out.push(
        fail(cookieBeforeConsent, {
          url: seen.pages[0].url,
          key: cookieKey(c),
          siteWide: true,
          title: `${tracker.name} cookie ${c.name} set before consent`,
          description: `${c.name} is a ${CATEGORY_LABELS[tracker.category]} cookie (${tracker.name}, ${tracker.company}) and is stored as soon as the page loads, before the visitor has agreed to anything. Under the ePrivacy Directive / GDPR (and similar laws) non-essential cookies need prior consent; regulators fine for exactly this.`,
          fix: `Load ${tracker.name} only after consent: gate the tag in your consent manager (or Google Consent Mode with analytics_storage/ad_storage 'denied' by default), so no cookie is written until the visitor opts in. Privacy policy of the vendor: ${tracker.privacyUrl}`,
          evidence: evidence(seen),
        }),
      );
    }
    return out;
  },
};

export const cookieChecks = [
  cookieMissingSecure,
  cookieMissingHttpOnly,
  cookieSameSiteMissing,
  cookieLongLifetime,
  thirdPartyCookie,
  cookieBeforeConsent,
];
