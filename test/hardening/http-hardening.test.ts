// Plumb's own hardening over real HTTP against the real server: security headers (CSP nonces, framing,
// nosniff, Referrer-Policy, Permissions-Policy, HSTS on https), the API's answers to bad input (400 malformed
// %-escape, 404 unknown route, 405 wrong method, 413 oversized body cut off while streaming, 422 NUL and lone
// surrogates naming the field), and the dashboard's 404 status for missing or foreign ids.
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db";
import { API_MAX_BODY_BYTES } from "@/lib/http/body-limit";
import { seedOrg, startServer, SERVER_START_TIMEOUT, type SeededOrg, type TestServer } from "@/test/support/server";
import { cookieHeader, signInCookies } from "@/test/support/sign-in";

interface Tenant extends SeededOrg {
  domainId: string;
  scanId: string;
}

async function seedTenant(db: Prisma, name: string): Promise<Tenant> {
  const org = await seedOrg(db, { name });
  const domain = await db.domain.create({
    data: { organizationId: org.orgId, host: `${org.orgSlug}.example`, scheme: "https", verifyToken: `tok-${org.orgSlug}`, verifiedAt: new Date(), verificationMethod: "file" },
  });
  const scan = await db.scan.create({
    data: { organizationId: org.orgId, domainId: domain.id, status: "succeeded", pillars: ["security"], startedAt: new Date(), finishedAt: new Date(), score: 90, grade: "A" },
  });
  return { ...org, domainId: domain.id, scanId: scan.id };
}

interface Seed {
  a: Tenant;
  b: Tenant;
}

let server: TestServer<Seed>;

beforeAll(async () => {
  server = await startServer<Seed>({ seed: async (db) => ({ a: await seedTenant(db, "Hardening A"), b: await seedTenant(db, "Hardening B") }) });
}, SERVER_START_TIMEOUT);

afterAll(async () => {
  await server?.stop();
});

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

function expectBaseHeaders(res: Response): void {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  const pp = res.headers.get("permissions-policy") ?? "";
  for (const feature of ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]) expect(pp).toContain(feature);
}

async function envelope(res: Response): Promise<{ data: unknown; meta: { request_id: string }; error: { code: string; message: string; issues?: { path: (string | number)[] }[] } | null }> {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { data: unknown; meta: { request_id: string }; error: { code: string; message: string } | null };
  expect(Object.keys(body).sort()).toEqual(["data", "error", "meta"]);
  expect(body.meta.request_id).toMatch(/^req_/);
  expect(res.headers.get("x-request-id")).toBe(body.meta.request_id);
  return body as never;
}

describe("security headers", () => {
  it("pages get a strict CSP whose fresh nonce is on every script Next.js renders", async () => {
    const nonces: string[] = [];
    for (const path of ["/", "/sign-in", "/directory"]) {
      const res = await fetch(`${server.baseUrl}${path}`);
      expect(res.status, path).toBe(200);
      expectBaseHeaders(res);
      expect(res.headers.get("strict-transport-security"), "no HSTS over http").toBeNull();
      const csp = res.headers.get("content-security-policy") ?? "";
      const d = directives(csp);
      const script = d.get("script-src") ?? [];
      expect(script).not.toContain("'unsafe-inline'");
      expect(script).not.toContain("'unsafe-eval'");
      const nonceSource = script.find((s) => s.startsWith("'nonce-"));
      expect(nonceSource, csp).toBeTruthy();
      const nonce = nonceSource!.slice(7, -1);
      expect(nonce.length).toBeGreaterThanOrEqual(16);
      nonces.push(nonce);
      expect(d.get("frame-ancestors")).toEqual(["'none'"]);
      expect(d.get("object-src")).toEqual(["'none'"]);
      expect(d.get("base-uri")).toEqual(["'self'"]);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it("API responses, errors included, carry the headers and may not be framed", async () => {
    for (const res of [await fetch(`${server.baseUrl}/api/v1/health`), await fetch(`${server.baseUrl}/api/v1/domains`)]) {
      expectBaseHeaders(res);
      const d = directives(res.headers.get("content-security-policy") ?? "");
      expect(d.get("default-src")).toEqual(["'none'"]);
      expect(d.get("frame-ancestors")).toEqual(["'none'"]);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("the badge stays embeddable as an image on other sites", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/badge?id=${server.seeded.a.domainId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expectBaseHeaders(res);
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const d = directives(res.headers.get("content-security-policy") ?? "");
    expect(d.get("default-src")).toEqual(["'none'"]);
  });

  it("openapi.json is readable cross-origin (a public document, no credentials)", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expectBaseHeaders(res);
  });

  it("static build files get nosniff too", async () => {
    const html = await (await fetch(`${server.baseUrl}/sign-in`)).text();
    const src = /<script[^>]+src="(\/_next\/static\/[^"]+)"/.exec(html)?.[1];
    expect(src).toBeTruthy();
    const res = await fetch(`${server.baseUrl}${src}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("HSTS", () => {
  let https: TestServer<undefined>;
  beforeAll(async () => {
    https = await startServer({ env: { NEXTAUTH_URL: "https://plumb.example" } });
  }, SERVER_START_TIMEOUT);
  afterAll(async () => {
    await https?.stop();
  });

  it("is sent on pages and the API when NEXTAUTH_URL is https", async () => {
    for (const path of ["/", "/api/v1/health"]) {
      const res = await fetch(`${https.baseUrl}${path}`);
      const hsts = res.headers.get("strict-transport-security") ?? "";
      expect(hsts, path).toMatch(/max-age=(\d+)/);
      expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(31_536_000);
    }
    const csp = (await fetch(`${https.baseUrl}/`)).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("upgrade-insecure-requests");
  });
});

describe("/api/v1 answers bad input with the envelope, never 500", () => {
  const auth = () => ({ Authorization: `Bearer ${server.seeded.a.apiKey}` });

  it("400 for a malformed %-escape in the path", async () => {
    for (const path of ["/api/v1/domains/%E0%A4%A", "/api/v1/domains/%", "/api/v1/scans/%zz/cancel"]) {
      const res = await fetch(`${server.baseUrl}${path}`, { headers: auth() });
      expect(res.status, path).toBe(400);
      expect((await envelope(res)).error?.code).toBe("bad_request");
    }
  });

  it("404 not_found for unknown routes", async () => {
    for (const path of ["/api/v1/nope", "/api/v1/domains/x/y/z", "/api/v1"]) {
      const res = await fetch(`${server.baseUrl}${path}`, { headers: auth() });
      expect(res.status, path).toBe(404);
      expect((await envelope(res)).error?.code).toBe("not_found");
    }
  });

  it("405 method_not_allowed with Allow for a wrong method", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/domains`, { method: "PUT", headers: auth() });
    expect(res.status).toBe(405);
    expect((await envelope(res)).error?.code).toBe("method_not_allowed");
    expect(res.headers.get("allow")?.split(", ")).toEqual(expect.arrayContaining(["GET", "POST"]));
    expect(res.headers.get("allow")).not.toContain("PUT");
    const del = await fetch(`${server.baseUrl}/api/v1/findings/bulk`, { method: "DELETE", headers: auth() });
    expect(del.status).toBe(405);
    expect(del.headers.get("allow")).toContain("POST");
    await envelope(del);
  });

  it("422 naming the field for NUL bytes and lone surrogates, in body, query and path", async () => {
    const post = (raw: string) =>
      fetch(`${server.baseUrl}/api/v1/domains`, { method: "POST", headers: { ...auth(), "Content-Type": "application/json" }, body: raw });
    const cases: [Promise<Response>, (string | number)[]][] = [
      [post(JSON.stringify({ hostname: "exa\u0000mple.com" })), ["body", "hostname"]],
      [post('{"hostname":"\\ud800example.com"}'), ["body", "hostname"]],
      [post('{"hostname":"ok.example","extra":{"deep":["\\udfff"]}}'), ["body", "extra", "deep", 0]],
      [fetch(`${server.baseUrl}/api/v1/findings?severity=%00`, { headers: auth() }), ["query", "severity"]],
      [fetch(`${server.baseUrl}/api/v1/domains/ab%00cd`, { headers: auth() }), ["params", "id"]],
    ];
    for (const [pending, path] of cases) {
      const res = await pending;
      expect(res.status, path.join(".")).toBe(422);
      const body = await envelope(res);
      expect(body.error?.code).toBe("invalid_params");
      expect(body.error?.issues?.[0]?.path).toEqual(path);
    }
  });

  it("413 payload_too_large for a body declared larger than the limit", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/domains`, {
      method: "POST",
      headers: { ...auth(), "Content-Type": "application/json" },
      body: JSON.stringify({ hostname: "x".repeat(API_MAX_BODY_BYTES + 10) }),
    });
    expect(res.status).toBe(413);
    expect((await envelope(res)).error?.code).toBe("payload_too_large");
  });

  it("413 for a chunked body without Content-Length, and eight concurrent 40 MB uploads stay out of memory", async () => {
    const pid = nextServerPid(server);
    const before = rssMb(pid);
    const results = await Promise.all(Array.from({ length: 8 }, () => chunkedPost(server.baseUrl, "/api/v1/domains", server.seeded.a.apiKey, 40 * 1024 * 1024)));
    for (const r of results) {
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body).error.code).toBe("payload_too_large");
    }
    const grown = rssMb(pid) - before;
    // Buffering the bodies would take 320 MB; the limit keeps at most ~1 MiB per request.
    expect(grown, `RSS grew by ${grown} MB`).toBeLessThan(120);
  }, 180_000);
});

/** The `next start` server process: the test server's process group leader is a watchdog around it. */
function nextServerPid(s: TestServer<unknown>): number {
  const groups = fs
    .readdirSync("/proc")
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .filter((pid) => {
      try {
        const env = fs.readFileSync(`/proc/${pid}/environ`, "utf8");
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
        return env.includes(`PLUMB_DATA_DIR=${s.dataDir}\0`) && !cmd.includes("-e\0");
      } catch {
        return false;
      }
    });
  expect(groups.length).toBeGreaterThan(0);
  // The deepest one is the server itself (the `next start` launcher may fork it).
  return Math.max(...groups);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

function chunkedPost(baseUrl: string, path: string, apiKey: string, bytes: number): Promise<{ status: number; body: string }> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json", "Transfer-Encoding": "chunked" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      },
    );
    // The server may stop reading once it has answered: a reset while we still write is expected.
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    let answered = false;
    req.on("response", () => (answered = true));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    req.write('{"hostname":"');
    const pump = () => {
      while (sent < bytes && !answered) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end('"}');
    };
    pump();
  });
}

describe("dashboard pages answer 404 for missing and foreign ids", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = cookieHeader(await signInCookies(server.baseUrl, server.seeded.a.email, server.seeded.a.password));
  });

  const status = async (path: string) => (await fetch(`${server.baseUrl}${path}`, { headers: { Cookie: cookie }, redirect: "manual" })).status;

  it("own ids render (200)", async () => {
    const { a } = server.seeded;
    for (const path of [`/o/${a.orgSlug}`, `/o/${a.orgSlug}/domains/${a.domainId}`, `/o/${a.orgSlug}/domains/${a.domainId}/settings`, `/o/${a.orgSlug}/domains/${a.domainId}/verify`, `/o/${a.orgSlug}/scans/${a.scanId}`]) {
      expect(await status(path), path).toBe(200);
    }
  });

  it("another organization's or an unknown id is a 404", async () => {
    const { a, b } = server.seeded;
    const paths = [
      `/o/${b.orgSlug}`,
      `/o/no-such-org-${Date.now()}`,
      `/o/${a.orgSlug}/domains/${b.domainId}`,
      `/o/${a.orgSlug}/domains/does-not-exist`,
      `/o/${a.orgSlug}/domains/${b.domainId}/settings`,
      `/o/${a.orgSlug}/domains/does-not-exist/verify`,
      `/o/${a.orgSlug}/scans/${b.scanId}`,
      `/o/${a.orgSlug}/scans/does-not-exist`,
      `/o/${a.orgSlug}/scans/${b.scanId}/fix`,
    ];
    for (const path of paths) expect(await status(path), path).toBe(404);
  });
});
