#!/usr/bin/env node
// Plumb's HTTP server: Next.js production mode through its custom-server API, plus one thing `next start`
// cannot do: tell the app which TCP peer sent each request. Route handlers see no socket, and Next.js keeps a
// client-supplied X-Forwarded-For as it is, so the peer address is written into x-plumb-socket-ip here,
// replacing whatever a client sent under that name, and a process-wide marker tells lib/http/client-ip.ts that
// the header comes from this server. Used by `npm start` (scripts/start.mjs), the test servers and e2e.
//
//   node scripts/serve.mjs --port 3000 [--hostname 127.0.0.1]
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";

const SOCKET_IP_HEADER = "x-plumb-socket-ip";
const root = path.resolve(import.meta.dirname, "..");

const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`serve: --port must be a TCP port number, got "${values.port ?? process.env.PORT}".`);
  process.exit(1);
}
const hostname = values.hostname;

globalThis[Symbol.for("plumb.socketIpHeader")] = true;

const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  // Node folds header names to lower case, and Next.js builds its Request from req.headers: one assignment
  // replaces every spelling a client may have sent.
  req.headers[SOCKET_IP_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((err) => {
    console.error("[plumb] request failed:", err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// Longer than typical load-balancer idle timeouts (60 s), as `next start` does, so a proxy never reuses a
// connection the server is closing.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`[plumb] listening on http://${hostname ?? "localhost"}:${port}`);
});

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  server.close();
  server.closeIdleConnections?.();
  Promise.resolve(app.close?.())
    .catch(() => undefined)
    .finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, shutdown);
