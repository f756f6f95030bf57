import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertPublicHost, isPrivateAddress, safeFetch, SafeFetchError, SsrfError } from "./ssrf";

describe("isPrivateAddress", () => {
  it.each([
    "10.1.2.3", "127.0.0.1", "127.255.255.254", "0.0.0.0", "169.254.169.254", "172.16.0.1", "172.31.255.255",
    "192.168.1.1", "100.64.0.1", "100.127.255.255", "224.0.0.1", "255.255.255.255", "198.18.0.1",
    "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:7f00:1",
    "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "2001:db8::1",
    "[::1]", "fe80::1%eth0", "not-an-ip", "",
  ])("%s is private", (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2a00:1450:4001::200e"])(
    "%s is public",
    (ip) => expect(isPrivateAddress(ip)).toBe(false),
  );
});

describe("assertPublicHost", () => {
  it("rejects loopback names and literals", async () => {
    await expect(assertPublicHost("localhost")).rejects.toBeInstanceOf(SsrfError);
    await expect(assertPublicHost("127.0.0.1")).rejects.toBeInstanceOf(SsrfError);
    await expect(assertPublicHost("[::1]")).rejects.toBeInstanceOf(SsrfError);
  });
  it("allows them when allowPrivate", async () => {
    const r = await assertPublicHost("127.0.0.1", { allowPrivate: true });
    expect(r.address).toBe("127.0.0.1");
  });
  it("fails clearly on a name that does not resolve", async () => {
    await expect(assertPublicHost("no-such-host.invalid")).rejects.toMatchObject({ code: "dns" });
  });
});

describe("safeFetch", () => {
  let server: http.Server;
  let origin = "";
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/redirect-private") {
        res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" });
        res.end();
      } else if (req.url === "/redirect-local") {
        res.writeHead(301, { Location: "/final" });
        res.end();
      } else if (req.url === "/loop") {
        res.writeHead(302, { Location: "/loop" });
        res.end();
      } else if (req.url === "/big") {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end("x".repeat(50_000));
      } else if (req.url === "/slow") {
        setTimeout(() => res.end("late"), 3_000);
      } else {
        res.writeHead(200, { "Content-Type": "text/plain", "Set-Cookie": ["a=1", "b=2"] });
        res.end(`hello ${req.method} ${req.url}`);
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("refuses a private target by default", async () => {
    await expect(safeFetch(`${origin}/`)).rejects.toBeInstanceOf(SsrfError);
  });
  it("fetches a private target when allowed, joining repeated headers", async () => {
    const r = await safeFetch(`${origin}/x`, { allowPrivate: true });
    expect(r.status).toBe(200);
    expect(r.body).toBe("hello GET /x");
    expect(r.headers["set-cookie"]).toBe("a=1\nb=2");
    expect(r.remoteAddress).toBe("127.0.0.1");
  });
  it("follows redirects and records the chain", async () => {
    const r = await safeFetch(`${origin}/redirect-local`, { allowPrivate: true });
    expect(r.finalUrl).toBe(`${origin}/final`);
    expect(r.redirects).toEqual([{ url: `${origin}/redirect-local`, status: 301, location: `${origin}/final` }]);
  });
  it("caps the body", async () => {
    const r = await safeFetch(`${origin}/big`, { allowPrivate: true, maxBytes: 1000 });
    expect(r.body.length).toBe(1000);
    expect(r.truncated).toBe(true);
  });
  it("stops redirect loops", async () => {
    await expect(safeFetch(`${origin}/loop`, { allowPrivate: true, maxRedirects: 3 })).rejects.toMatchObject({ code: "too_many_redirects" });
  });
  it("times out", async () => {
    const err = await safeFetch(`${origin}/slow`, { allowPrivate: true, timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SafeFetchError);
    expect((err as SafeFetchError).code).toBe("timeout");
  });
  it("rejects non-http schemes", async () => {
    await expect(safeFetch("file:///etc/passwd", { allowPrivate: true })).rejects.toMatchObject({ code: "invalid_url" });
  });
  it("reports a refused connection as a connection error", async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    await expect(safeFetch(`http://127.0.0.1:${port}/`, { allowPrivate: true })).rejects.toMatchObject({ code: "connection" });
  });
});
