import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLOCKED_HEADER, startGuardProxy, type GuardProxy } from "./guard-proxy";

function serve(host: string, body: string): Promise<http.Server> {
  const s = http.createServer((req, res) => res.end(`${body} ${req.headers.host}`));
  return new Promise((r) => s.listen(0, host, () => r(s)));
}
const portOf = (s: http.Server) => (s.address() as AddressInfo).port;

describe("guard proxy", () => {
  let proxy: GuardProxy;
  let allowed: http.Server;
  let denied: http.Server;
  beforeAll(async () => {
    // On this machine everything is loopback: allow 127.0.0.2 only, to show the policy is enforced.
    proxy = await startGuardProxy({ isAllowed: (a) => a === "127.0.0.2" });
    allowed = await serve("127.0.0.2", "allowed");
    denied = await serve("127.0.0.1", "denied");
  });
  afterAll(async () => {
    await proxy.close();
    for (const s of [allowed, denied]) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });

  const viaProxy = (url: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const p = new URL(proxy.url);
      const req = http.request({ host: p.hostname, port: Number(p.port), path: url, headers: { host: new URL(url).host } }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    });

  const connect = (target: string) =>
    new Promise<string>((resolve, reject) => {
      const p = new URL(proxy.url);
      const sock = net.connect(Number(p.port), p.hostname, () => sock.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`));
      sock.once("data", (d: Buffer) => {
        resolve(d.toString().split("\r\n")[0]);
        sock.destroy();
      });
      sock.on("error", reject);
    });

  it("forwards plain HTTP to allowed addresses and records where it connected", async () => {
    const r = await viaProxy(`http://127.0.0.2:${portOf(allowed)}/x`);
    expect(r.status).toBe(200);
    expect(r.body).toBe(`allowed 127.0.0.2:${portOf(allowed)}`);
    expect(proxy.addresses.get("127.0.0.2")).toBe("127.0.0.2");
  });
  it("refuses plain HTTP to other addresses with a marker header", async () => {
    const r = await viaProxy(`http://127.0.0.1:${portOf(denied)}/`);
    expect(r.status).toBe(403);
    expect(r.headers[BLOCKED_HEADER]).toBe("private-address");
    expect(proxy.blocked.some((b) => b.host === "127.0.0.1")).toBe(true);
  });
  it("tunnels CONNECT only to allowed addresses", async () => {
    expect(await connect(`127.0.0.2:${portOf(allowed)}`)).toBe("HTTP/1.1 200 Connection Established");
    expect(await connect(`127.0.0.1:${portOf(denied)}`)).toBe("HTTP/1.1 403 Forbidden");
    expect(await connect(`localhost:${portOf(denied)}`)).toBe("HTTP/1.1 403 Forbidden");
  });
  it("defaults to refusing every private address", async () => {
    const strict = await startGuardProxy();
    try {
      expect(strict.chromeArgs).toEqual([`--proxy-server=${strict.url}`, "--proxy-bypass-list=<-loopback>"]);
      const p = new URL(strict.url);
      const line = await new Promise<string>((resolve) => {
        const sock = net.connect(Number(p.port), p.hostname, () => sock.write("CONNECT 169.254.169.254:80 HTTP/1.1\r\n\r\n"));
        sock.once("data", (d: Buffer) => (resolve(d.toString().split("\r\n")[0]), sock.destroy()));
      });
      expect(line).toBe("HTTP/1.1 403 Forbidden");
    } finally {
      await strict.close();
    }
  });
});
