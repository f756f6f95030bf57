// The bundled sample site: a small coffee-shop website with realistic problems in every pillar, so a
// newcomer has something to scan on the first start (the server refuses loopback sites otherwise). Served
// by the Plumb process itself on its own loopback port — its own origin, so none of the app's pages or
// headers leak into the results — and that port is kept in the data directory so the verified demo domain
// keeps working across restarts.
//
// What it gets wrong, on purpose (files in lib/sample-site/public, headers below):
//   accessibility  images without alt, unlabeled inputs, low-contrast text, a div acting as a button,
//                  zoom disabled, a page without lang, headings skipping levels
//   security       no HSTS/nosniff/framing headers, a CSP with 'unsafe-inline', server and PHP versions
//                  disclosed, a password form over plain HTTP, an exposed /.env
//   cookies        a session cookie without HttpOnly/SameSite, a two-year visitor cookie set by script
//   trackers       tag manager, session replay and a social pixel in the markup (the site's CSP blocks the
//                  downloads, so nothing leaves the machine; the tags still count)
//   privacy        no privacy policy, canvas fingerprinting, typed text sent before submit, no consent banner
//   performance    a 4.5 MB hero bitmap shown at 480 px, render-blocking script, no compression or caching,
//                  a long main-thread task and a late banner that shifts the layout
//   seo            missing description and h1, vague link text, broken links, noindex, no robots.txt or sitemap
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";

export const SAMPLE_SITE_FILE = "sample-site.json";

const PUBLIC_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "sample-site", "public");

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "application/javascript",
  ".svg": "image/svg+xml",
};

const COMMON_HEADERS: Record<string, string> = {
  Server: "Apache/2.4.29 (Ubuntu)",
  "X-Powered-By": "PHP/7.2.24",
  // default-src 'self' keeps the pasted-in third-party tags from loading; 'unsafe-inline' is the usual mistake.
  "Content-Security-Policy": "default-src 'self' 'unsafe-inline' 'unsafe-eval'; img-src 'self' data:",
};

/** An uncompressed 24-bit BMP of a soft gradient: big on the wire, like a photo exported at full size. */
function bitmap(width: number, height: number, seed: number): Buffer {
  const rowBytes = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + rowBytes * height;
  const buf = Buffer.alloc(size);
  buf.write("BM", 0, "ascii");
  buf.writeUInt32LE(size, 2);
  buf.writeUInt32LE(54, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(width, 18);
  buf.writeInt32LE(height, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(24, 28);
  buf.writeUInt32LE(rowBytes * height, 34);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = 54 + y * rowBytes + x * 3;
      buf[o] = (40 + ((x * 3 + seed) % 60)) & 0xff;
      buf[o + 1] = (70 + ((y * 2 + x) % 80)) & 0xff;
      buf[o + 2] = (110 + ((x + y + seed) % 100)) & 0xff;
    }
  }
  return buf;
}

let images: Record<string, Buffer> | null = null;
function generatedImages(): Record<string, Buffer> {
  images ??= { "/img/hero.bmp": bitmap(1500, 1000, 7), "/img/cup.bmp": bitmap(800, 600, 31) };
  return images;
}

const NOT_FOUND = `<!doctype html><html><head><title>Not found</title></head><body><h1>Page not found</h1><p><a href="/">Home</a></p></body></html>`;

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { ...COMMON_HEADERS, "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://sample.invalid").pathname);
  } catch {
    send(res, 400, "text/plain", "Bad request");
    return;
  }
  if (req.method === "POST" && (pathname === "/collect" || pathname === "/login")) {
    // Drain and drop: the sample keeps nothing it is sent.
    req.resume();
    if (pathname === "/collect") {
      res.writeHead(204, COMMON_HEADERS).end();
      return;
    }
    send(res, 200, MIME[".html"], `<!doctype html><html lang="en"><head><title>Signed in</title></head><body><p>Welcome back.</p><p><a href="/">Home</a></p></body></html>`);
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "text/plain", "Method not allowed", { Allow: "GET, HEAD" });
    return;
  }
  if (pathname === "/.env") {
    send(res, 200, "text/plain", "APP_ENV=production\nAPP_DEBUG=true\nAPP_URL=http://localhost\nMAIL_HOST=localhost\n");
    return;
  }
  const generated = generatedImages()[pathname];
  if (generated) {
    send(res, 200, "image/bmp", req.method === "HEAD" ? Buffer.alloc(0) : generated, { "Content-Length": String(generated.length) });
    return;
  }
  const rel = pathname === "/" ? "index.html" : pathname.replace(/^\/+/, "");
  const file = path.resolve(PUBLIC_DIR, rel);
  if (!file.startsWith(PUBLIC_DIR + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    send(res, 404, MIME[".html"], NOT_FOUND);
    return;
  }
  const ext = path.extname(file);
  const body = fs.readFileSync(file);
  const extra: Record<string, string | string[]> = {};
  if (ext === ".html") extra["Set-Cookie"] = [`PHPSESSID=${Math.random().toString(36).slice(2, 14)}; path=/`];
  send(res, 200, MIME[ext] ?? "application/octet-stream", req.method === "HEAD" ? Buffer.alloc(0) : body, { ...extra, "Content-Length": String(body.length) });
}

export interface SampleSite {
  origin: string;
  port: number;
  close(): Promise<void>;
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once("error", onError);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function readStoredPort(dataDir: string): number | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, SAMPLE_SITE_FILE), "utf8")) as { port?: unknown };
    return typeof raw.port === "number" && Number.isInteger(raw.port) && raw.port > 0 && raw.port < 65536 ? raw.port : null;
  } catch {
    return null;
  }
}

/**
 * Starts the sample site on 127.0.0.1. With a data directory, the port chosen the first time is stored there
 * (sample-site.json) and reused on every later start; if another program took it meanwhile, a new port is
 * chosen and stored (`moved` tells the caller the demo domain must follow).
 */
export async function startSampleSite(opts: { dataDir?: string; port?: number } = {}): Promise<SampleSite & { moved: boolean }> {
  const server = http.createServer(handle);
  server.keepAliveTimeout = 5_000;
  const stored = opts.dataDir ? readStoredPort(opts.dataDir) : null;
  const wanted = opts.port ?? stored ?? 0;
  let port: number;
  try {
    port = await listen(server, wanted);
  } catch (err) {
    if (wanted === 0 || (err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    port = await listen(server, 0);
  }
  if (opts.dataDir && port !== stored) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    fs.writeFileSync(path.join(opts.dataDir, SAMPLE_SITE_FILE), `${JSON.stringify({ port })}\n`);
  }
  server.unref();
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    moved: stored !== null && stored !== port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
