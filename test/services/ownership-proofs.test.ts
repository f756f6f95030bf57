// Ownership proofs against real servers: HTTP sites on loopback (the domain on 127.0.0.1, "another host" on
// 127.0.0.2, both allowed through the SSRF allow-list so that what refuses is the proof rule, not the guard)
// and a real DNS server on loopback UDP. The proof must come from the domain's own origin.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePrivateTargetAllowlist, type PrivateOrigin } from "@/lib/net/ssrf";
import { checkDnsTxt, checkMetaTag, checkWellKnownFile } from "@/lib/services/verification/ownership-checks";
import { startDnsServer, type DnsServer } from "@/test/support/dns-server";

const TOKEN = "a".repeat(32);
const OTHER = "b".repeat(32);
const page = (token: string, where: "head" | "body" = "head") =>
  where === "head"
    ? `<!doctype html><html><head><title>x</title><meta name="plumb-site-verification" content="${token}"></head><body>hi</body></html>`
    : `<!doctype html><html><head><title>x</title></head><body><meta name="plumb-site-verification" content="${token}"></body></html>`;

interface Site {
  server: http.Server;
  host: string;
  routes: Map<string, { status: number; body?: string; location?: string }>;
}

async function site(address: "127.0.0.1" | "127.0.0.2"): Promise<Site> {
  const routes: Site["routes"] = new Map();
  const server = http.createServer((req, res) => {
    const r = routes.get(req.url ?? "/");
    if (!r) return void res.writeHead(404).end("not found");
    if (r.location) return void res.writeHead(r.status, { Location: r.location }).end();
    res.writeHead(r.status, { "Content-Type": req.url?.endsWith(".txt") ? "text/plain" : "text/html" }).end(r.body ?? "");
  });
  await new Promise<void>((r) => server.listen(0, address, r));
  return { server, host: `${address}:${(server.address() as AddressInfo).port}`, routes };
}

describe("ownership proofs", () => {
  let own: Site;
  let other: Site;
  let policy: { allowedPrivateOrigins: PrivateOrigin[] };
  let dns: DnsServer;
  const target = () => ({ scheme: "http", host: own.host, verifyToken: TOKEN });

  beforeAll(async () => {
    own = await site("127.0.0.1");
    other = await site("127.0.0.2");
    policy = { allowedPrivateOrigins: parsePrivateTargetAllowlist(`${own.host},${other.host}`) };
    dns = await startDnsServer({
      "owned.test": { txt: [`plumb-site-verification=${TOKEN}`, "v=spf1 -all"] },
      "wrong.test": { txt: [`plumb-site-verification=${OTHER}`] },
      "empty.test": {},
      "alias.test": { cname: "attacker.test" },
      "attacker.test": { txt: [`plumb-site-verification=${TOKEN}`] },
    });
  });
  afterAll(async () => {
    for (const s of [own, other]) {
      s.server.closeAllConnections();
      await new Promise((r) => s.server.close(r));
    }
    await dns.close();
  });

  describe("meta tag", () => {
    it("verifies with the token in the head of the home page", async () => {
      own.routes.set("/", { status: 200, body: page(TOKEN) });
      expect(await checkMetaTag(target(), policy)).toMatchObject({ ok: true });
    });
    it("does not verify with a live tag in the head holding another token", async () => {
      own.routes.set("/", { status: 200, body: page(OTHER) });
      const r = await checkMetaTag(target(), policy);
      expect(r.ok).toBe(false);
      expect(r.reason).toMatch(/holds a different token/);
      expect(r.inconclusive).toBeFalsy();
    });
    it("does not verify with the token in the body", async () => {
      own.routes.set("/", { status: 200, body: page(TOKEN, "body") });
      expect((await checkMetaTag(target(), policy)).ok).toBe(false);
    });
    it("follows a redirect on the same host (another path)", async () => {
      own.routes.set("/", { status: 302, location: "/home" });
      own.routes.set("/home", { status: 200, body: page(TOKEN) });
      expect(await checkMetaTag(target(), policy)).toMatchObject({ ok: true });
    });
    it("refuses a redirect to another host whose page carries the token, and says why", async () => {
      other.routes.set("/", { status: 200, body: page(TOKEN) });
      own.routes.set("/", { status: 302, location: `http://${other.host}/` });
      const r = await checkMetaTag(target(), policy);
      expect(r.ok).toBe(false);
      expect(r.reason).toMatch(/refused to follow the redirect/);
      expect(r.reason).toContain(`another host (${other.host})`);
      expect(r.inconclusive).toBeFalsy();
    });
    it("refuses a redirect to another port of the same address", async () => {
      const third = await site("127.0.0.1");
      try {
        third.routes.set("/", { status: 200, body: page(TOKEN) });
        own.routes.set("/", { status: 301, location: `http://${third.host}/` });
        const r = await checkMetaTag(target(), { allowedPrivateOrigins: parsePrivateTargetAllowlist(`${own.host},${third.host}`) });
        expect(r).toMatchObject({ ok: false });
        expect(r.reason).toMatch(/another port/);
      } finally {
        third.server.closeAllConnections();
        await new Promise((res) => third.server.close(res));
      }
    });
    it("refuses a redirect to the metadata address", async () => {
      own.routes.set("/", { status: 302, location: "http://169.254.169.254/latest/meta-data/" });
      const r = await checkMetaTag(target(), { allowPrivate: true });
      expect(r.ok).toBe(false);
      expect(r.reason).toMatch(/169\.254\.169\.254/);
    });
    it("calls an unreachable or failing site inconclusive, a missing tag not", async () => {
      own.routes.set("/", { status: 503, body: "down" });
      expect(await checkMetaTag(target(), policy)).toMatchObject({ ok: false, inconclusive: true });
      own.routes.set("/", { status: 200, body: "<html><head></head></html>" });
      const missing = await checkMetaTag(target(), policy);
      expect(missing.ok).toBe(false);
      expect(missing.inconclusive).toBeFalsy();
    });
  });

  describe("well-known file", () => {
    it("verifies with the file on the domain itself", async () => {
      own.routes.set("/.well-known/plumb-verification.txt", { status: 200, body: `${TOKEN}\n` });
      expect(await checkWellKnownFile(target(), policy)).toMatchObject({ ok: true });
    });
    it("refuses the file reached through a redirect to another host", async () => {
      other.routes.set("/.well-known/plumb-verification.txt", { status: 200, body: `${TOKEN}\n` });
      own.routes.set("/.well-known/plumb-verification.txt", { status: 302, location: `http://${other.host}/.well-known/plumb-verification.txt` });
      const r = await checkWellKnownFile(target(), policy);
      expect(r.ok).toBe(false);
      expect(r.reason).toMatch(/^file: refused to follow the redirect .*another host/);
    });
  });

  describe("DNS TXT record", () => {
    const dnsTarget = (host: string) => ({ scheme: "https", host, verifyToken: TOKEN });
    it("verifies with the TXT record on the name itself", async () => {
      expect(await checkDnsTxt(dnsTarget("owned.test"), { servers: [dns.address] })).toMatchObject({ ok: true });
      expect(await checkDnsTxt(dnsTarget("OWNED.test:8443"), { servers: [dns.address] })).toMatchObject({ ok: true });
    });
    it("refuses a TXT record reached through a CNAME to another host", async () => {
      const r = await checkDnsTxt(dnsTarget("alias.test"), { servers: [dns.address] });
      expect(r.ok).toBe(false);
      expect(r.reason).toMatch(/alias \(CNAME\) of attacker\.test/);
      expect(r.inconclusive).toBeFalsy();
    });
    it("does not verify with another token, no record or no such name (definitive answers)", async () => {
      for (const host of ["wrong.test", "empty.test", "missing.test"]) {
        const r = await checkDnsTxt(dnsTarget(host), { servers: [dns.address] });
        expect(r, host).toMatchObject({ ok: false });
        expect(r.inconclusive, host).toBeFalsy();
      }
    });
    it("calls a DNS server that does not answer inconclusive", async () => {
      const silent = await startDnsServer();
      const address = silent.address;
      await silent.close();
      const r = await checkDnsTxt(dnsTarget("owned.test"), { servers: [address], timeoutMs: 300 });
      expect(r).toMatchObject({ ok: false, inconclusive: true });
    });
  });
});
