// The static copies of runtime values in next.config.ts (it cannot import app modules) stay in step with them.
import { describe, expect, it } from "vitest";
import config from "@/next.config";
import { API_MAX_BODY_BYTES } from "@/lib/http/body-limit";
import { apiHeaders, baseSecurityHeaders, pageCsp } from "@/lib/http/security-headers";
import { allowedMethods, isWellFormedPath } from "@/lib/http/api-routes";

describe("next.config.ts", () => {
  it("buffers at most twice the API body limit for the proxy", () => {
    expect(config.experimental?.proxyClientMaxBodySize).toBe(2 * API_MAX_BODY_BYTES);
  });

  it("gives static files the same base security headers as proxy.ts gives everything else", async () => {
    const rules = await config.headers!();
    const all = Object.fromEntries(rules.find((r) => r.source === "/:path*")!.headers.map((h) => [h.key, h.value]));
    expect(all).toEqual(baseSecurityHeaders({ https: false }));
  });
});

describe("security header builders", () => {
  it("page CSP: nonce and strict-dynamic for scripts, never unsafe-inline or unsafe-eval in production", () => {
    const csp = pageCsp("abc123", { https: false });
    const script = /script-src ([^;]+)/.exec(csp)![1];
    expect(script).toContain("'nonce-abc123'");
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain("unsafe");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageCsp("n", { https: true })).toContain("upgrade-insecure-requests");
  });

  it("HSTS only over https", () => {
    expect(apiHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(apiHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=63072000/);
  });
});

describe("API route table", () => {
  it("knows the methods of each path, literal segments first", () => {
    expect(allowedMethods("/api/v1/domains")).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
    expect(allowedMethods("/api/v1/findings/bulk")).toEqual(["POST", "OPTIONS"]);
    expect(allowedMethods("/api/v1/findings/abc")).toContain("PATCH");
    expect(allowedMethods("/api/v1/nope")).toBeNull();
    expect(allowedMethods("/api/v1/domains/a/b/c")).toBeNull();
  });

  it("spots malformed %-escapes", () => {
    expect(isWellFormedPath("/api/v1/domains/%E2%9C%93")).toBe(true);
    expect(isWellFormedPath("/api/v1/domains/%E0%A4%A")).toBe(false);
    expect(isWellFormedPath("/api/v1/domains/%zz")).toBe(false);
  });
});
