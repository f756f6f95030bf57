import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const FIXTURE = path.join(import.meta.dirname, "..", "..", "test", "fixtures", "sites", "verify-meta");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml", ".txt": "text/plain" };

export interface FixtureSite {
  origin: string;
  /** writes the verification token into the served home page */
  setToken(token: string): void;
  /** gives the home page's image its text alternative, so the next scan sees that finding fixed */
  fixImage(): void;
  close(): Promise<void>;
}

/**
 * The verify-meta fixture on 127.0.0.1, files read on each request. The port is PLUMB_E2E_FIXTURE_PORT (set
 * by playwright.config.ts, the one private origin the e2e server may reach), else a random one. Specs run one
 * at a time, each closing its site, so they can share the port.
 */
export async function serveFixtureSite(): Promise<FixtureSite> {
  let token = "not-set-yet";
  let imageFixed = false;
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    const name = pathname === "/" ? "index.html" : path.basename(pathname);
    const file = path.join(FIXTURE, name);
    if (!fs.existsSync(file) || name === "README.md") {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    let body: string | Buffer = fs.readFileSync(file);
    if (name === "index.html") {
      body = body.toString("utf8").replace("{{PLUMB_TOKEN}}", token);
      if (imageFixed) body = body.replace('<img src="/pixel.svg"', '<img alt="A grey square" src="/pixel.svg"');
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(name)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(process.env.PLUMB_E2E_FIXTURE_PORT ?? 0), "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setToken: (t) => {
      token = t;
    },
    fixImage: () => {
      imageFixed = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
