// Signing in over real HTTP, the way a browser does: the password step (/api/auth/sign-in/password), then
// next-auth's CSRF-protected credentials callback. Server actions are called by their action id from the
// build's server-reference manifest, exactly as the browser posts them.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ensureBuild } from "./server";

export class CookieJar {
  private readonly jar = new Map<string, string>();
  keep(res: { headers: Headers }): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
  header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(fragment: string): boolean {
    return [...this.jar.keys()].some((k) => k.includes(fragment));
  }
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** HTTP from a chosen loopback source address (127.0.0.x), so the server sees different client sockets. */
export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, localAddress: opts.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (Array.isArray(v)) for (const x of v) headers.append(k, x);
          else if (v !== undefined) headers.set(k, v);
        }
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers, text, json });
      });
    });
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export async function passwordStep(baseUrl: string, email: string, password: string, opts: { localAddress?: string; headers?: Record<string, string> } = {}) {
  return request(`${baseUrl}/api/auth/sign-in/password`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...opts.headers },
    body: JSON.stringify({ email, password }),
    localAddress: opts.localAddress,
  });
}

/**
 * Posts credentials to next-auth's callback. Returns the jar (with a session cookie when signing in worked) and
 * next-auth's error code otherwise.
 */
export async function credentialsCallback(
  baseUrl: string,
  fields: Record<string, string>,
  opts: { userAgent?: string } = {},
): Promise<{ jar: CookieJar; error: string | null }> {
  const jar = new CookieJar();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  jar.keep(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header(), ...(opts.userAgent ? { "User-Agent": opts.userAgent } : {}) },
    body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
  });
  jar.keep(res);
  let error: string | null = null;
  const body = (await res.json().catch(() => null)) as { url?: string } | null;
  if (body?.url) error = new URL(body.url, baseUrl).searchParams.get("error");
  return { jar, error };
}

/** Email + password straight to the callback (accounts without a second factor); throws when no session results. */
export async function signInWithPassword(baseUrl: string, email: string, password: string, userAgent?: string): Promise<CookieJar> {
  const { jar, error } = await credentialsCallback(baseUrl, { email, password }, { userAgent });
  if (!jar.has("session-token")) throw new Error(`sign-in failed: ${error}`);
  return jar;
}

/** next-auth's sign-out (POST with the CSRF token), as the user menu does. */
export async function signOut(baseUrl: string, jar: CookieJar): Promise<void> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { Cookie: jar.header() } });
  jar.keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  jar.keep(res);
}

let manifest: Record<string, { filename?: string; exportedName?: string }> | undefined;

async function actionId(file: string, name: string): Promise<string> {
  if (!manifest) {
    const dist = await ensureBuild();
    const p = path.join(path.resolve(import.meta.dirname, "..", ".."), dist, "server", "server-reference-manifest.json");
    manifest = (JSON.parse(fs.readFileSync(p, "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> }).node;
  }
  for (const [id, entry] of Object.entries(manifest)) {
    if (entry.exportedName === name && entry.filename?.replace(/\\/g, "/").includes(file)) return id;
  }
  throw new Error(`No server action ${name} in ${file}`);
}

/** Calls a server action the way React does (POST to a page with Next-Action); returns its decoded result. */
export async function callAction<T = unknown>(baseUrl: string, cookie: string, page: string, file: string, name: string, args: unknown[]): Promise<T> {
  const id = await actionId(file, name);
  const res = await fetch(`${baseUrl}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Cookie: cookie, Origin: baseUrl },
    body: JSON.stringify(args),
  });
  const text = await res.text();
  if (res.status >= 300 && res.status < 400) return { redirected: res.headers.get("location") ?? res.headers.get("x-action-redirect") } as T;
  // The RSC payload: the action's return value is the row with id 1 ("1:<json>"); long strings in it are
  // outlined as text rows ("2:T<hex byte length>,<text>", no newline after) and referenced as "$2".
  const rows = rscRows(text);
  const row = rows.get("1");
  if (row === undefined) {
    const redirect = res.headers.get("x-action-redirect");
    if (redirect) return { redirected: redirect } as T;
    throw new Error(`Unexpected action response ${res.status}: ${text.slice(0, 300)}`);
  }
  const resolve = (v: unknown): unknown => {
    if (typeof v === "string" && /^\$[0-9a-f]+$/.test(v) && rows.has(v.slice(1))) return rows.get(v.slice(1));
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  return resolve(JSON.parse(row)) as T;
}

/** Splits a React Flight payload into rows by id: JSON rows as their source text, text rows ("T") as the text. */
function rscRows(payload: string): Map<string, string> {
  const buf = Buffer.from(payload, "utf8");
  const rows = new Map<string, string>();
  let i = 0;
  while (i < buf.length) {
    const colon = buf.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = buf.subarray(i, colon).toString("utf8").trim();
    if (buf[colon + 1] === 0x54) {
      const comma = buf.indexOf(0x2c, colon);
      const len = parseInt(buf.subarray(colon + 2, comma).toString("utf8"), 16);
      rows.set(id, buf.subarray(comma + 1, comma + 1 + len).toString("utf8"));
      i = comma + 1 + len;
      continue;
    }
    const nl = buf.indexOf(0x0a, colon);
    const end = nl < 0 ? buf.length : nl;
    rows.set(id, buf.subarray(colon + 1, end).toString("utf8"));
    i = end + 1;
  }
  return rows;
}
