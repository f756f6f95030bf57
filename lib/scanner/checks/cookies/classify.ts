// What a cookie is for, from its name and domain: session/auth cookies (which need HttpOnly/Secure) and
// tracking cookies (which need consent). Shared by the cookie and privacy checks.
import { trackerForCookieName, trackerForHost, type Tracker } from "../../data/trackers";
import type { CookieArtifact, PageArtifacts } from "../../types";

const SESSION_NAME =
  /(^|[_.\-])(sess|session|sessid|sid|ssid|auth|authtoken|token|jwt|login|remember|remember_me|access|refresh|identity|credential|credentials)([_.\-]|$)|_session$|^(phpsessid|jsessionid|asp\.net_sessionid|aspxauth|\.aspxauth|connect\.sid|laravel_session|sessionid|ci_session|cfid|cftoken|aspsessionid[a-z]*)$/i;
const NOT_SESSION = /csrf|xsrf|consent|cookieconsent|cookie_consent|lang|locale|theme|currency|tz|timezone/i;

/** Looks like it authenticates the visitor (name heuristics), and is not a known tracker's cookie. */
export function isSessionLike(cookie: Pick<CookieArtifact, "name">): boolean {
  if (NOT_SESSION.test(cookie.name)) return false;
  if (trackerForCookieName(cookie.name)) return false;
  return SESSION_NAME.test(cookie.name);
}

/** The tracker behind a cookie: a known tracking-cookie name, or a third-party cookie on a tracker's domain. */
export function cookieTracker(cookie: Pick<CookieArtifact, "name" | "domain" | "thirdParty">): Tracker | undefined {
  const byName = trackerForCookieName(cookie.name);
  if (byName) return byName;
  if (cookie.thirdParty) return trackerForHost(cookie.domain.replace(/^\./, ""));
  return undefined;
}

export interface SeenCookie {
  cookie: CookieArtifact;
  /** pages whose artifacts list the cookie, in scan order */
  pages: PageArtifacts[];
}

/** Every distinct cookie (name, domain, path) across pages, with where it was seen. */
export function collectCookies(pages: PageArtifacts[]): SeenCookie[] {
  const byId = new Map<string, SeenCookie>();
  for (const page of pages) {
    for (const c of page.cookies) {
      const id = `${c.name}\u0000${c.domain.replace(/^\./, "")}\u0000${c.path}`;
      const seen = byId.get(id);
      if (seen) {
        if (!seen.pages.includes(page)) seen.pages.push(page);
      } else byId.set(id, { cookie: c, pages: [page] });
    }
  }
  return [...byId.values()];
}

export function cookieKey(c: Pick<CookieArtifact, "name" | "domain">): string {
  return `${c.name}@${c.domain.replace(/^\./, "")}`;
}

export function describeCookie(c: CookieArtifact): string {
  const attrs = [
    `Domain=${c.domain}`,
    `Path=${c.path}`,
    c.expires > 0 ? `Expires=${new Date(c.expires * 1000).toISOString()}` : "Session",
    c.secure ? "Secure" : "(no Secure)",
    c.httpOnly ? "HttpOnly" : "(no HttpOnly)",
    c.sameSite ? `SameSite=${c.sameSite}` : "(no SameSite)",
  ];
  return `${c.name} — ${attrs.join("; ")}${c.thirdParty ? " — third-party" : ""}${c.blocked ? " — blocked by the browser" : ""}${c.setBy ? `\nSet by: ${c.setBy}` : ""}`;
}
