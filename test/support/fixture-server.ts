// Serves a fixture site directory over plain HTTP on a loopback address, so scanner tests can build
// pages with known defects. Third parties live on 127.0.0.2 because cookies ignore ports.
//
// Per-path behaviour comes from an optional `_headers.json` in the site root:
//   {
//     "*":          { "headers": { "X-Content-Type-Options": "nosniff" }, "compress": true },
//     "/assets/*":  { "headers": { "Cache-Control": "public, max-age=31536000, immutable" } },
//     "/":          { "headers": { "Set-Cookie": ["a=1; Path=/", "b=2; Path=/; HttpOnly"] } },
//     "/old":       { "status": 301, "redirect": "/new" },
//     "/missing":   { "status": 404 },
//     "/slow":      { "delayMs": 3000 },
//     "/api/data":  { "body": "{\"ok\":true}", "headers": { "Content-Type": "application/json" } }
//   }
// Rules apply in order "*", then matching prefix rules ("/x/*", shortest first), then the exact path; later
// headers override earlier ones (Set-Cookie lists are concatenated). Header values and text bodies may use
// {{ORIGIN}} (this server), {{EXPIRES_IN_180_DAYS}} (an ISO date) and any `vars` passed in
// (e.g. {{THIRD_PARTY}} -> "http://127.0.0.2:41234").
//
// Any request to /_echo or /_echo/... (any method) is recorded in `beacons` and answered 204 with CORS open:
// a sink for key-logging / exfiltration fixtures. GET /_echo.json returns the recorded list.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";

export interface FixtureRule {
  headers?: Record<string, string | string[]>;
  status?: number;
  redirect?: string;
  compress?: boolean;
  delayMs?: number;
  body?: string;
}

export interface BeaconRecord {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface FixtureServer {
  origin: string;
  host: string;
  port: number;
  /** requests received on /_echo */
  beacons: BeaconRecord[];
  /** every request path received (method + path), for crawl/robots assertions */
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  root: string;
  host?: "127.0.0.1" | "127.0.0.2";
  port?: number;
  vars?: Record<string, string>;
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".env": "text/plain; charset=utf-8",
};

function isText(contentType: string): boolean {
  return /^text\/|json|xml|javascript|svg/.test(contentType);
}

function loadRules(root: string): Record<string, FixtureRule> {
  const file = path.join(root, "_headers.json");
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, FixtureRule>;
}

function rulesFor(rules: Record<string, FixtureRule>, urlPath: string): FixtureRule {
  const matching: FixtureRule[] = [];
  if (rules["*"]) matching.push(rules["*"]);
  const prefixes = Object.keys(rules)
    .filter((k) => k !== "*" && k.endsWith("*") && urlPath.startsWith(k.slice(0, -1)))
    .sort((a, b) => a.length - b.length);
  for (const p of prefixes) matching.push(rules[p]);
  if (rules[urlPath]) matching.push(rules[urlPath]);
  const merged: FixtureRule = { headers: {} };
  for (const r of matching) {
    for (const [name, value] of Object.entries(r.headers ?? {})) {
      const existing = Object.keys(merged.headers!).find((n) => n.toLowerCase() === name.toLowerCase());
      if (existing && name.toLowerCase() === "set-cookie") {
        merged.headers![existing] = [...[merged.headers![existing]].flat(), ...[value].flat()];
      } else {
        if (existing) delete merged.headers![existing];
        merged.headers![name] = value;
      }
    }
    for (const k of ["status", "redirect", "compress", "delayMs", "body"] as const) {
      if (r[k] !== undefined) (merged as Record<string, unknown>)[k] = r[k];
    }
  }
  return merged;
}

/** Maps a URL path to a file: exact file, then .html, then dir/index.html. Refuses to leave the root. */
function resolveFile(root: string, urlPath: string): string | null {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.(\/|\\|$))+/, "");
  const candidates = [clean, `${clean}.html`, path.join(clean, "index.html")];
  for (const c of candidates) {
    const full = path.join(root, c);
    if (!full.startsWith(root + path.sep) && full !== root) continue;
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return full;
  }
  return null;
}

export async function startFixtureServer(opts: FixtureServerOptions): Promise<FixtureServer> {
  const root = path.resolve(opts.root);
  const host = opts.host ?? "127.0.0.1";
  const rules = loadRules(root);
  const beacons: BeaconRecord[] = [];
  const requests: { method: string; path: string }[] = [];
  let origin = "";

  const substitute = (s: string): string =>
    s.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name === "ORIGIN" ? origin : (opts.vars?.[name] ?? builtins[name] ?? m)));
  // Dates that must stay valid whenever the tests run (security.txt Expires).
  const builtins: Record<string, string> = {
    EXPIRES_IN_180_DAYS: new Date(Date.now() + 180 * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z"),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      if (chunks.reduce((n, b) => n + b.length, 0) < 1_000_000) chunks.push(c);
    });
    req.on("end", () => {
      void handle(req, res, Buffer.concat(chunks)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end(String(err));
      });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "GET";
    requests.push({ method, path: url.pathname + url.search });

    if (url.pathname === "/_echo.json") {
      res.writeHead(200, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" });
      res.end(JSON.stringify(beacons));
      return;
    }
    if (url.pathname === "/_echo" || url.pathname.startsWith("/_echo/")) {
      beacons.push({ method, path: url.pathname + url.search, headers: req.headers, body: body.toString("utf8").slice(0, 100_000), at: Date.now() });
      res.writeHead(method === "OPTIONS" ? 204 : 204, {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Headers": "*",
        "Access-Control-Allow-Methods": "GET, POST, PUT, OPTIONS",
      });
      res.end();
      return;
    }

    const rule = rulesFor(rules, url.pathname);
    if (rule.delayMs) await new Promise((r) => setTimeout(r, rule.delayMs));

    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(rule.headers ?? {})) {
      headers[name] = Array.isArray(value) ? value.map(substitute) : substitute(value);
    }

    if (rule.redirect) {
      res.writeHead(rule.status ?? 302, { ...headers, Location: substitute(rule.redirect) });
      res.end();
      return;
    }

    let payload: Buffer;
    let contentType: string;
    let status = rule.status ?? 200;
    if (rule.body !== undefined) {
      payload = Buffer.from(substitute(rule.body));
      contentType = "text/html; charset=utf-8";
    } else {
      const file = resolveFile(root, url.pathname);
      if (!file || path.basename(file) === "_headers.json") {
        const notFound = resolveFile(root, "/404.html");
        payload = notFound ? fs.readFileSync(notFound) : Buffer.from("Not found");
        contentType = notFound ? MIME[".html"] : "text/plain; charset=utf-8";
        status = rule.status ?? 404;
      } else {
        payload = fs.readFileSync(file);
        contentType = MIME[path.extname(file).toLowerCase()] ?? (path.basename(file).startsWith(".") ? "text/plain; charset=utf-8" : "application/octet-stream");
      }
    }
    if (isText(contentType)) payload = Buffer.from(substitute(payload.toString("utf8")));
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["Content-Type"] = contentType;

    const acceptsGzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    if (rule.compress && acceptsGzip && isText(contentType)) {
      payload = zlib.gzipSync(payload);
      headers["Content-Encoding"] = "gzip";
      headers["Vary"] = "Accept-Encoding";
    }
    headers["Content-Length"] = String(payload.length);
    res.writeHead(status, headers);
    res.end(method === "HEAD" ? undefined : payload);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;

  return {
    origin,
    host,
    port,
    beacons,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
