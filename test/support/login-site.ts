// A fixture site with a sign-in form and pages only visible after it (authenticated-scan tests). Real HTTP
// on loopback; sessions are random ids in memory. Private pages redirect to /login without a session, unless
// the request carries `X-Fixture-Token: <token>` (header auth). /logout ends the session and is counted, so a
// test can prove a signed-in scan never fetched it.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export const LOGIN_USER = "ada@example.test";
export const LOGIN_PASSWORD = "correct horse battery";
export const HEADER_TOKEN = "fixture-token-7f3a";

export interface LoginSite {
  origin: string;
  /** paths served with a valid session (or token), in order */
  privateHits: string[];
  logoutHits: number;
  /** sign-ins that succeeded */
  logins: number;
  close(): Promise<void>;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — Login fixture</title><meta name="description" content="${title}: a page of the login fixture site, used to test signed-in scans."></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const PRIVATE: Record<string, string> = {
  "/account": page("Your account", `<p id="signed-in">Signed in.</p><ul><li><a href="/account/orders">Orders</a></li><li><a href="/account/settings">Settings</a></li><li><a href="/session/end">Sign out</a></li><li><a href="/logout">Log out</a></li></ul>`),
  "/account/orders": page("Your orders", `<p>No orders yet. <a href="/account">Account</a></p>`),
  "/account/settings": page("Settings", `<p>Preferences. <a href="/account">Account</a> <a href="/logout?next=/">Log out</a></p>`),
};

export async function startLoginSite(): Promise<LoginSite> {
  const sessions = new Set<string>();
  const state = { privateHits: [] as string[], logoutHits: 0, logins: 0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const sid = /(?:^|;\s*)sid=([a-f0-9]+)/.exec(req.headers.cookie ?? "")?.[1];
    const authed = (sid !== undefined && sessions.has(sid)) || req.headers["x-fixture-token"] === HEADER_TOKEN;
    const html = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers });
      res.end(body);
    };
    if (url.pathname === "/logout" || url.pathname === "/session/end") {
      state.logoutHits++;
      if (sid) sessions.delete(sid);
      return html(302, "", { location: "/" });
    }
    if (url.pathname === "/login" && req.method === "POST") {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        const form = new URLSearchParams(body);
        if (form.get("email") === LOGIN_USER && form.get("password") === LOGIN_PASSWORD) {
          const id = randomBytes(16).toString("hex");
          sessions.add(id);
          state.logins++;
          return html(303, "", { location: "/account", "set-cookie": `sid=${id}; Path=/; HttpOnly; SameSite=Lax` });
        }
        return html(401, page("Sign in", `<p role="alert">Wrong e-mail or password.</p>`));
      });
      return;
    }
    if (url.pathname === "/login") {
      return html(200, page("Sign in", `<form method="post" action="/login"><label>E-mail <input id="email" name="email" type="email" autocomplete="username"></label><label>Password <input id="password" name="password" type="password" autocomplete="current-password"></label><button id="sign-in" type="submit">Sign in</button></form>`));
    }
    if (url.pathname === "/robots.txt") return html(404, "");
    if (url.pathname === "/sitemap.xml") return html(404, "");
    if (url.pathname === "/") return html(200, page("Login fixture", `<p><a href="/login">Sign in</a> <a href="/account">Your account</a> <a href="/about">About</a></p>`));
    if (url.pathname === "/about") return html(200, page("About", `<p>Public page. <a href="/">Home</a></p>`));
    const priv = PRIVATE[url.pathname];
    if (priv) {
      if (!authed) return html(302, "", { location: "/login" });
      state.privateHits.push(url.pathname);
      return html(200, priv);
    }
    return html(404, page("Not found", "<p>Nothing here.</p>"));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    get privateHits() {
      return state.privateHits;
    },
    get logoutHits() {
      return state.logoutHits;
    },
    get logins() {
      return state.logins;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
