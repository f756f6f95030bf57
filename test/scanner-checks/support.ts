// Integration-test support for the security/cookies/trackers/privacy fixture sites: a site on 127.0.0.1,
// its "third parties" on 127.0.0.2, and a Chromium wrapper that adds flags gather does not expose
// (host-resolver rules so real tracker host names reach the local vendor server; accepting a
// self-signed certificate for the HTTPS fixture).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { findChrome } from "@/lib/scanner/gather/browser";
import { fakeSecrets } from "@/lib/scanner/checks/shared/fake-secrets";
import { scanSite, type Finding, type Pillar, type ScanResult } from "@/lib/scanner";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

export const SITES = path.resolve(import.meta.dirname, "../fixtures/sites");
export const VENDOR_ROOT = path.join(SITES, "trackers/_vendor");

export interface ChromeWrapper {
  path: string;
  cleanup(): void;
}

/** An executable that runs the system Chromium with extra flags (passed to scans as chromePath). */
export function chromeWrapper(extraArgs: string[]): ChromeWrapper {
  const real = findChrome();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-chrome-wrapper-"));
  const file = path.join(dir, "chromium");
  const quoted = extraArgs.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  fs.writeFileSync(file, `#!/bin/sh\nexec '${real}' ${quoted} "$@"\n`, { mode: 0o755 });
  return { path: file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Chromium flag sending every host name (any port) to one local port, where an HTTPS front of the vendor
 * server listens: tracker domains are HSTS-preloaded, so they must be reached over HTTPS. */
export function mapAllHostsTo(port: number): string {
  return `--host-resolver-rules=MAP * 127.0.0.2:${port}, EXCLUDE 127.0.0.1, EXCLUDE 127.0.0.2, EXCLUDE localhost`;
}

/** Chromium flags for the HTTPS fixtures: accept our self-signed certificate (its details are still reported). */
export const ACCEPT_SELF_SIGNED = "--ignore-certificate-errors";

export interface FixturePair {
  site: FixtureServer;
  vendor: FixtureServer;
  secrets: Record<string, string>;
  close(): Promise<void>;
}

export async function startFixturePair(siteRoot: string): Promise<FixturePair> {
  const vendor = await startFixtureServer({ root: VENDOR_ROOT, host: "127.0.0.2" });
  const secrets = fakeSecrets();
  const site = await startFixtureServer({ root: siteRoot, vars: { THIRD_PARTY: vendor.origin, ...secrets } });
  return {
    site,
    vendor,
    secrets,
    close: async () => {
      await site.close();
      await vendor.close();
    },
  };
}

export async function scanFixture(url: string, opts: { chromePath?: string; maxPages?: number; pillars?: Pillar[] } = {}): Promise<ScanResult> {
  return scanSite({ url, allowPrivate: true, maxPages: opts.maxPages ?? 6, chromePath: opts.chromePath, pillars: opts.pillars });
}

export function byRule(result: ScanResult, rule: string): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

export function firedRules(result: ScanResult, pillars: Pillar[]): string[] {
  return [...new Set(result.findings.filter((f) => pillars.includes(f.pillar)).map((f) => f.rule))].sort();
}

export interface TlsMaterial {
  key: string;
  cert: string;
}

/** A throwaway self-signed certificate (openssl CLI) valid for `days` — short on purpose for expiry checks. */
export function selfSignedCert(days: number): TlsMaterial {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-cert-"));
  try {
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", String(days),
      "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:127.0.0.2",
      "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
    ], { stdio: "ignore" });
    return { key: fs.readFileSync(path.join(dir, "key.pem"), "utf8"), cert: fs.readFileSync(path.join(dir, "cert.pem"), "utf8") };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface HttpsFront {
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** An HTTPS listener that forwards every request to a plain-HTTP fixture server (TLS in front of it). */
export async function startHttpsFront(target: FixtureServer, tls: TlsMaterial, host: "127.0.0.1" | "127.0.0.2" = target.host as "127.0.0.1"): Promise<HttpsFront> {
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const upstream = http.request(
      { host: target.host, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `https://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
