// PLUMB_PRIVATE_TARGET_ALLOWLIST: private targets allowed one exact origin at a time, checked on every redirect
// hop, by safeFetch (scans' crawler and probes, ownership proofs, fetchCustomerUrl) and by the browser's proxy.
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discover } from "@/lib/scanner/crawl/discover";
import { startGuardProxy } from "./guard-proxy";
import { isAllowedPrivateOrigin, parsePrivateTargetAllowlist, safeFetch, sameHostRedirect, SsrfError, type PrivateOrigin } from "./ssrf";

function listen(handler: http.RequestListener, host = "127.0.0.1"): Promise<http.Server> {
  const s = http.createServer(handler);
  return new Promise((r) => s.listen(0, host, () => r(s)));
}
const portOf = (s: http.Server) => (s.address() as AddressInfo).port;
const close = async (s: http.Server) => {
  s.closeAllConnections();
  await new Promise((r) => s.close(r));
};

describe("parsePrivateTargetAllowlist", () => {
  it("reads host:port and scheme://host[:port] entries, normalising hosts", () => {
    expect(parsePrivateTargetAllowlist(" LocalHost:8080, https://intranet.corp , http://10.0.0.5:81,[::1]:3000,127.1:9 ")).toEqual([
      { scheme: null, hostname: "localhost", port: 8080 },
      { scheme: "https", hostname: "intranet.corp", port: 443 },
      { scheme: "http", hostname: "10.0.0.5", port: 81 },
      { scheme: null, hostname: "[::1]", port: 3000 },
      { scheme: null, hostname: "127.0.0.1", port: 9 },
    ]);
    expect(parsePrivateTargetAllowlist("")).toEqual([]);
    expect(parsePrivateTargetAllowlist(undefined)).toEqual([]);
  });
  it.each(["localhost", "ftp://host:21", "http://host:8080/path", "user@host:80", "host:99999", "*.corp:80", "host:"])("refuses %s", (entry) => {
    expect(() => parsePrivateTargetAllowlist(entry)).toThrow(RangeError);
  });
  it("matches the exact host and port, and the scheme only when the entry names one", () => {
    const list = parsePrivateTargetAllowlist("localhost:8080,https://intranet.corp");
    expect(isAllowedPrivateOrigin(list, { scheme: "http:", hostname: "localhost", port: 8080 })).toBe(true);
    expect(isAllowedPrivateOrigin(list, { scheme: "https", hostname: "LOCALHOST", port: 8080 })).toBe(true);
    expect(isAllowedPrivateOrigin(list, { scheme: "http", hostname: "127.0.0.1", port: 8080 })).toBe(false);
    expect(isAllowedPrivateOrigin(list, { scheme: "http", hostname: "localhost", port: 8081 })).toBe(false);
    expect(isAllowedPrivateOrigin(list, { scheme: "http", hostname: "sub.localhost", port: 8080 })).toBe(false);
    expect(isAllowedPrivateOrigin(list, { scheme: "https", hostname: "intranet.corp", port: 443 })).toBe(true);
    expect(isAllowedPrivateOrigin(list, { scheme: "http", hostname: "intranet.corp", port: 443 })).toBe(false);
  });
});

describe("sameHostRedirect", () => {
  const u = (s: string) => new URL(s);
  it("allows path changes and the http -> https upgrade on the default ports", () => {
    expect(sameHostRedirect(u("http://a.example/"), u("http://a.example/home"))).toBeNull();
    expect(sameHostRedirect(u("http://a.example/"), u("https://a.example/"))).toBeNull();
    expect(sameHostRedirect(u("https://a.example:8443/"), u("https://A.example:8443/x"))).toBeNull();
  });
  it("refuses another host, another port and a downgrade", () => {
    expect(sameHostRedirect(u("http://a.example/"), u("http://b.example/"))).toMatch(/another host \(b\.example\)/);
    expect(sameHostRedirect(u("http://a.example/"), u("http://www.a.example/"))).toMatch(/another host/);
    expect(sameHostRedirect(u("http://a.example:8080/"), u("http://a.example:9090/"))).toMatch(/another port/);
    expect(sameHostRedirect(u("https://a.example/"), u("http://a.example/"))).toMatch(/https to http/);
  });
});

describe("safeFetch with an allow-list", () => {
  let allowed: http.Server;
  let other: http.Server;
  let list: PrivateOrigin[];
  let origin: string;
  let otherOrigin: string;
  beforeAll(async () => {
    other = await listen((_req, res) => res.end("internal secret"));
    otherOrigin = `http://127.0.0.1:${portOf(other)}`;
    allowed = await listen((req, res) => {
      const to: Record<string, string> = {
        "/to-metadata": "http://169.254.169.254/latest/meta-data/",
        "/to-loopback": `${otherOrigin}/`,
        "/to-localhost": `http://localhost:${portOf(other)}/`,
        "/to-ipv6-loopback": `http://[::1]:${portOf(other)}/`,
        "/two-hops": "/to-metadata",
        "/same": "/final",
      };
      if (req.url && to[req.url]) res.writeHead(302, { Location: to[req.url] }).end();
      else res.end(`allowed ${req.url}`);
    });
    origin = `http://127.0.0.1:${portOf(allowed)}`;
    list = parsePrivateTargetAllowlist(`127.0.0.1:${portOf(allowed)}`);
  });
  afterAll(async () => Promise.all([close(allowed), close(other)]));

  it("reaches exactly the listed origin", async () => {
    expect((await safeFetch(`${origin}/x`, { allowedPrivateOrigins: list })).body).toBe("allowed /x");
    await expect(safeFetch(`${otherOrigin}/`, { allowedPrivateOrigins: list })).rejects.toBeInstanceOf(SsrfError);
    await expect(safeFetch(`http://localhost:${portOf(allowed)}/`, { allowedPrivateOrigins: list })).rejects.toBeInstanceOf(SsrfError);
    await expect(safeFetch(`${origin}/x`)).rejects.toBeInstanceOf(SsrfError);
  });
  it("follows a redirect within the listed origin", async () => {
    const r = await safeFetch(`${origin}/same`, { allowedPrivateOrigins: list });
    expect(r).toMatchObject({ status: 200, body: "allowed /final" });
  });
  it.each(["/to-metadata", "/to-loopback", "/to-localhost", "/to-ipv6-loopback", "/two-hops"])(
    "checks every redirect hop: an allowed origin redirecting %s is refused",
    async (path) => {
      const err = await safeFetch(`${origin}${path}`, { allowedPrivateOrigins: list }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SsrfError);
      expect((err as SsrfError).host).not.toBe("127.0.0.1:" + portOf(allowed));
    },
  );
  it("refuses redirects the caller's policy refuses, naming where they went", async () => {
    const err = await safeFetch(`${origin}/to-loopback`, { allowPrivate: true, checkRedirect: sameHostRedirect }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "redirect_refused", location: `${otherOrigin}/` });
  });
  it("makes the crawler refuse a scan whose start page redirects to a private address", async () => {
    await expect(discover({ url: `${origin}/to-metadata`, allowedPrivateOrigins: list })).rejects.toMatchObject({ code: "private_target" });
    await expect(discover({ url: `${origin}/to-loopback`, allowedPrivateOrigins: list })).rejects.toMatchObject({ code: "private_target" });
    const ok = await discover({ url: `${origin}/`, allowedPrivateOrigins: list, maxPages: 1 });
    expect(ok.urls).toEqual([`${origin}/`]);
  });

  it("makes the browser's guard proxy allow exactly the listed origin, per connection (so per redirect hop)", async () => {
    const proxy = await startGuardProxy({ allowedPrivateOrigins: list });
    try {
      const p = new URL(proxy.url);
      const viaProxy = (url: string) =>
        new Promise<number>((resolve, reject) => {
          const req = http.request({ host: p.hostname, port: Number(p.port), path: url, headers: { host: new URL(url).host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on("error", reject);
          req.end();
        });
      const connect = (target: string) =>
        new Promise<string>((resolve, reject) => {
          const sock = net.connect(Number(p.port), p.hostname, () => sock.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`));
          sock.once("data", (d: Buffer) => {
            resolve(d.toString().split("\r\n")[0]);
            sock.destroy();
          });
          sock.on("error", reject);
        });
      expect(await viaProxy(`${origin}/to-loopback`)).toBe(302);
      // The browser then asks the proxy for the redirect's target: a new decision.
      expect(await viaProxy(`${otherOrigin}/`)).toBe(403);
      expect(await viaProxy("http://169.254.169.254/latest/meta-data/")).toBe(403);
      expect(await connect(`127.0.0.1:${portOf(allowed)}`)).toBe("HTTP/1.1 200 Connection Established");
      expect(await connect(`127.0.0.1:${portOf(other)}`)).toBe("HTTP/1.1 403 Forbidden");
    } finally {
      await proxy.close();
    }
  });
});
