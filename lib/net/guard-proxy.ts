// An in-process forward proxy that Chromium is forced through on the server (--proxy-server, loopback not
// bypassed). Every connection — documents, subresources, workers, service workers, WebSockets, prefetches —
// is resolved here, checked, and connected to the checked address. Page-level request interception cannot
// see service-worker or worker traffic and cannot pin DNS; this can, so it closes both SSRF holes.
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { isAllowedPrivateOrigin, isPrivateAddress, resolveHost, type PrivateOrigin } from "./ssrf";

export const BLOCKED_HEADER = "x-plumb-blocked";

export interface GuardProxy {
  /** "http://127.0.0.1:PORT" for --proxy-server */
  url: string;
  /** Chromium flags that route everything, loopback included, through the proxy */
  chromeArgs: string[];
  blocked: { host: string; address?: string; reason: string }[];
  /** the address each host was connected to (what CDP would otherwise report as the proxy's) */
  addresses: Map<string, string>;
  close(): Promise<void>;
}

export interface GuardProxyOptions {
  /** which resolved addresses may be reached; default: public addresses only */
  isAllowed?: (address: string) => boolean;
  /**
   * Exact origins (PLUMB_PRIVATE_TARGET_ALLOWLIST) that may resolve to any address. A plain-HTTP proxy request
   * is matched as http, a CONNECT tunnel as https.
   */
  allowedPrivateOrigins?: readonly PrivateOrigin[];
  connectTimeoutMs?: number;
}

export async function startGuardProxy(opts: GuardProxyOptions = {}): Promise<GuardProxy> {
  const isAllowed = opts.isAllowed ?? ((a: string) => !isPrivateAddress(a));
  const blocked: GuardProxy["blocked"] = [];
  const addresses = new Map<string, string>();
  const sockets = new Set<net.Socket>();

  /** Resolves and checks; returns the address to connect to or a reason to refuse. */
  async function decide(host: string, port: number, scheme: "http" | "https"): Promise<{ address: string } | { reason: string }> {
    try {
      const r = await resolveHost(host);
      const exempt = isAllowedPrivateOrigin(opts.allowedPrivateOrigins, { scheme, hostname: host, port });
      const bad = exempt ? undefined : r.all.find((a) => !isAllowed(a.address));
      if (bad) return { reason: `${host} resolves to a private address (${bad.address})` };
      addresses.set(host.replace(/^\[|\]$/g, "").toLowerCase(), r.address);
      return { address: r.address };
    } catch (err) {
      return { reason: `cannot resolve ${host}: ${(err as Error).message}` };
    }
  }

  const record = (host: string, reason: string) => {
    if (blocked.length < 200) blocked.push({ host, reason });
  };

  const server = http.createServer((req, res) => {
    // Plain-HTTP proxy request: the request line carries an absolute URL.
    let target: URL;
    try {
      target = new URL(req.url ?? "");
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (target.protocol !== "http:") {
      res.writeHead(400).end();
      return;
    }
    void decide(target.hostname, Number(target.port || 80), "http").then((d) => {
      if ("reason" in d) {
        record(target.hostname, d.reason);
        res.writeHead(403, { [BLOCKED_HEADER]: "private-address", "content-type": "text/plain" }).end(`Blocked by Plumb: ${d.reason}`);
        return;
      }
      const headers = { ...req.headers };
      delete headers["proxy-connection"];
      delete headers["proxy-authorization"];
      const upstream = http.request(
        {
          host: d.address,
          port: Number(target.port || 80),
          method: req.method,
          path: `${target.pathname}${target.search}`,
          headers: { ...headers, host: target.host },
          setHost: false,
          timeout: opts.connectTimeoutMs ?? 15_000,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.rawHeaders);
          up.pipe(res);
        },
      );
      upstream.on("timeout", () => upstream.destroy(new Error("upstream timeout")));
      upstream.on("error", () => {
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
      req.pipe(upstream);
    });
  });

  // CONNECT host:port — https and wss tunnels.
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    const m = (req.url ?? "").match(/^\[?([^\]]+?)\]?:(\d+)$/);
    if (!m) {
      client.end("HTTP/1.1 400 Bad Request\r\n\r\n");
      return;
    }
    const [, host, port] = m;
    void decide(host, Number(port), "https").then((d) => {
      if ("reason" in d) {
        record(host, d.reason);
        client.end(`HTTP/1.1 403 Forbidden\r\n${BLOCKED_HEADER}: private-address\r\n\r\n`);
        return;
      }
      const upstream = net.connect({ host: d.address, port: Number(port) });
      sockets.add(upstream);
      upstream.setTimeout(opts.connectTimeoutMs ?? 15_000, () => upstream.destroy());
      upstream.on("connect", () => {
        upstream.setTimeout(0);
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        if (head.length) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on("error", () => client.destroy());
      upstream.on("close", () => {
        sockets.delete(upstream);
        client.destroy();
      });
    });
  });
  server.on("connection", (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    chromeArgs: [`--proxy-server=${url}`, "--proxy-bypass-list=<-loopback>"],
    blocked,
    addresses,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
