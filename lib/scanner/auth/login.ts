// Scripted sign-in, once per scan: fill the form in a fresh browser context, submit, check that it worked
// (an element appears or the URL changes as the script says), and hand back the session cookies. Every page
// of the scan then starts from a fresh context holding exactly these cookies, so pages stay isolated from one
// another yet are all signed in. The password is typed into the page and never logged or returned.
import type { Browser } from "puppeteer-core";
import type { LoginScript, SessionCookieParam } from "../types";
import { openTab } from "../gather/tabs";

export type SessionCookie = SessionCookieParam;

export class LoginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LoginError";
  }
}

export interface LoginOptions {
  /** extra headers for requests to the site's origin (the same ones the scan sends) */
  headers?: Record<string, string>;
  timeoutMs?: number; // default 20 s for each wait
}

/** Logout, sign-out and the like: a signed-in scan never fetches these (it would end its own session). */
export const LOGOUT_URL = /(?:^|[/_.?&=-])(?:log-?out|log-?off|sign-?out|sign_out|abmelden|deconnexion|d%C3%A9connexion|cerrar-sesion|esci|uitloggen)(?:$|[/_.?&=#-])/i;
export const LOGOUT_TEXT = /^\s*(?:log\s*out|log\s*off|sign\s*out|abmelden|se\s+d[ée]connecter|d[ée]connexion|cerrar\s+sesi[oó]n|esci|uitloggen)\s*$/i;

export async function performLogin(browser: Browser, script: LoginScript, opts: LoginOptions = {}): Promise<SessionCookie[]> {
  const timeout = opts.timeoutMs ?? 20_000;
  const origin = new URL(script.url).origin;
  const { context, page } = await openTab(browser);
  try {
    const headers = opts.headers && Object.keys(opts.headers).length ? opts.headers : null;
    if (headers) {
      await page.setRequestInterception(true);
      page.on("request", (req) => {
        if (req.isInterceptResolutionHandled()) return;
        let sameOrigin = false;
        try {
          sameOrigin = new URL(req.url()).origin === origin;
        } catch {
          /* not a URL we add headers to */
        }
        void req.continue(sameOrigin ? { headers: { ...req.headers(), ...headers } } : undefined).catch(() => undefined);
      });
    }
    page.on("dialog", (d) => void d.dismiss().catch(() => undefined));
    const res = await page.goto(script.url, { waitUntil: "load", timeout }).catch((err: unknown) => {
      throw new LoginError(`the login page ${script.url} did not load: ${(err as Error).message.split("\n")[0]}`);
    });
    if (res && res.status() >= 400) throw new LoginError(`the login page ${script.url} answered HTTP ${res.status()}`);
    const field = async (selector: string, what: string) => {
      const el = await page.waitForSelector(selector, { visible: true, timeout }).catch(() => null);
      if (!el) throw new LoginError(`no visible ${what} field matches ${selector} on ${script.url}`);
      return el;
    };
    const user = await field(script.usernameSelector, "username");
    await user.click({ count: 3 });
    await user.type(script.username);
    const pass = await field(script.passwordSelector, "password");
    await pass.click({ count: 3 });
    await pass.type(script.password);
    // The form may navigate or sign in over fetch(): wait for either, whichever the success check needs.
    const navigated = page.waitForNavigation({ waitUntil: "load", timeout }).catch(() => null);
    if (script.submitSelector) {
      const submit = await page.waitForSelector(script.submitSelector, { visible: true, timeout }).catch(() => null);
      if (!submit) throw new LoginError(`no visible submit button matches ${script.submitSelector}`);
      await submit.click();
    } else {
      await pass.press("Enter");
    }
    if (script.successUrl) {
      const target = script.successUrl;
      const ok = await page.waitForFunction((t: string) => location.href.includes(t), { timeout, polling: 100 }, target).then(
        () => true,
        () => false,
      );
      if (!ok) throw new LoginError(`after signing in the page is ${page.url()}, which does not contain ${target}: check the username and password`);
    }
    if (script.successSelector) {
      await navigated;
      const el = await page.waitForSelector(script.successSelector, { timeout }).catch(() => null);
      if (!el) throw new LoginError(`after signing in nothing matches ${script.successSelector} on ${page.url()}: check the username and password`);
    }
    const cdp = await page.createCDPSession();
    const { cookies } = await cdp.send("Network.getAllCookies");
    return cookies.map((c) => ({
      name: c.name,
      value: c.value,
      domain: c.domain,
      path: c.path,
      secure: c.secure,
      httpOnly: c.httpOnly,
      ...(c.sameSite ? { sameSite: c.sameSite } : {}),
      ...(c.expires > 0 ? { expires: c.expires } : {}),
    }));
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** The Cookie header the crawl sends to `url` (plain HTTP fetches): the session cookies that match it. */
export function cookieHeaderFor(url: string, cookies: readonly SessionCookie[], extra: readonly { name: string; value: string }[] = []): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "";
  }
  const host = u.hostname.toLowerCase();
  const parts: string[] = [];
  for (const c of cookies) {
    const domain = (c.domain ?? host).toLowerCase().replace(/^\./, "");
    const domainOk = host === domain || host.endsWith(`.${domain}`);
    const pathOk = u.pathname.startsWith(c.path ?? "/");
    if (domainOk && pathOk && (!c.secure || u.protocol === "https:" || host === "localhost" || host === "127.0.0.1")) parts.push(`${c.name}=${c.value}`);
  }
  for (const c of extra) parts.push(`${c.name}=${c.value}`);
  return parts.join("; ");
}
