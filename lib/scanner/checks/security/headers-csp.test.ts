import { describe, expect, it } from "vitest";
import { GOOD_HEADERS, failures, makeContext, makePage, runCheck } from "../shared/test-artifacts";
import {
  cspMissing,
  cspMissingDirective,
  cspUnsafeEval,
  cspUnsafeInline,
  cspWildcardSource,
} from "./csp";
import {
  clickjacking,
  hstsMissing,
  hstsWeak,
  noSniff,
  permissionsPolicyMissing,
  referrerPolicyMissing,
  referrerPolicyUnsafe,
  versionDisclosure,
} from "./headers";

const withHeaders = (headers: Record<string, string | undefined>, url = "https://example.com/") => {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...GOOD_HEADERS, ...headers })) if (v !== undefined) merged[k] = v;
  return makePage({ url, responseHeaders: merged });
};

const ALL = [cspMissing, cspUnsafeInline, cspUnsafeEval, cspWildcardSource, cspMissingDirective, hstsMissing, hstsWeak,
  clickjacking, noSniff, referrerPolicyMissing, referrerPolicyUnsafe, permissionsPolicyMissing, versionDisclosure];

describe("header checks on a well-configured page", () => {
  it("raise nothing", () => {
    const ctx = makeContext([makePage(), makePage({ url: "https://example.com/about" })]);
    for (const check of ALL) expect(failures(check, ctx), check.rule).toEqual([]);
  });

  it("are n/a for pages that did not answer or are not HTML", () => {
    const dead = makePage({ status: null });
    const json = makePage({ responseHeaders: { "content-type": "application/json" } });
    for (const check of [cspMissing, clickjacking, noSniff, referrerPolicyMissing, permissionsPolicyMissing]) {
      expect(runCheck(check, makeContext([dead, json])), check.rule).toBe("n/a");
    }
  });
});

describe("csp", () => {
  it("csp-missing fires once per site (siteWide key) when no header nor meta", () => {
    const pages = [withHeaders({ "content-security-policy": undefined }), withHeaders({ "content-security-policy": undefined }, "https://example.com/a")];
    const r = failures(cspMissing, makeContext(pages));
    expect(r).toHaveLength(2);
    expect(r.every((x) => x.key === "missing" && x.siteWide && x.severity === "medium")).toBe(true);
  });

  it("a <meta> CSP counts as a policy", () => {
    const page = makePage({ dom: { metaCsp: "default-src 'self'; object-src 'none'; base-uri 'none'" } });
    delete page.responseHeaders["content-security-policy"];
    expect(failures(cspMissing, makeContext([page]))).toEqual([]);
  });

  it("report-only alone is reported as such", () => {
    const page = withHeaders({ "content-security-policy": undefined, "content-security-policy-report-only": "default-src 'self'" });
    const [r] = failures(cspMissing, makeContext([page]));
    expect(r.key).toBe("report-only");
    expect(r.title).toMatch(/report-only/);
  });

  it("unsafe-inline fires without nonce/hash and not with one", () => {
    const bad = withHeaders({ "content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'" });
    expect(failures(cspUnsafeInline, makeContext([bad]))[0].key).toBe("unsafe-inline");
    const nonce = withHeaders({ "content-security-policy": "script-src 'nonce-abc123' 'unsafe-inline' 'strict-dynamic'; object-src 'none'; base-uri 'none'" });
    expect(failures(cspUnsafeInline, makeContext([nonce]))).toEqual([]);
  });

  it("a policy without script-src/default-src does not restrict scripts", () => {
    const page = withHeaders({ "content-security-policy": "frame-ancestors 'none'" });
    expect(failures(cspUnsafeInline, makeContext([page]))[0].key).toBe("no-script-src");
  });

  it("a second, stricter policy wins (all policies are enforced)", () => {
    const page = withHeaders({ "content-security-policy": "script-src * 'unsafe-inline'\nscript-src 'self'; object-src 'none'; base-uri 'self'" });
    expect(failures(cspUnsafeInline, makeContext([page]))).toEqual([]);
    expect(failures(cspWildcardSource, makeContext([page]))).toEqual([]);
  });

  it("unsafe-eval fires (low) only when explicit", () => {
    const page = withHeaders({ "content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'self'" });
    const [r] = failures(cspUnsafeEval, makeContext([page]));
    expect(r.severity).toBe("low");
  });

  it("wildcard sources fire, host allow-lists don't", () => {
    for (const src of ["*", "https:", "data:"]) {
      const page = withHeaders({ "content-security-policy": `default-src 'self'; script-src 'self' ${src}` });
      expect(failures(cspWildcardSource, makeContext([page])), src).toHaveLength(1);
    }
    const ok = withHeaders({ "content-security-policy": "script-src 'self' https://cdn.example.net; object-src 'none'; base-uri 'self'" });
    expect(failures(cspWildcardSource, makeContext([ok]))).toEqual([]);
  });

  it("missing object-src and base-uri are low findings with their own keys", () => {
    const page = withHeaders({ "content-security-policy": "script-src 'self'" });
    const keys = failures(cspMissingDirective, makeContext([page])).map((r) => `${r.key}:${r.severity}`);
    expect(keys.sort()).toEqual(["base-uri:low", "object-src:low"]);
    const fallback = withHeaders({ "content-security-policy": "default-src 'self'; base-uri 'none'" });
    expect(failures(cspMissingDirective, makeContext([fallback]))).toEqual([]);
  });
});

describe("hsts", () => {
  it("missing on https is medium; n/a on http", () => {
    const page = withHeaders({ "strict-transport-security": undefined });
    expect(failures(hstsMissing, makeContext([page]))[0].severity).toBe("medium");
    expect(runCheck(hstsMissing, makeContext([makePage({ url: "http://example.com/" })]))).toBe("n/a");
  });

  it("max-age=0 counts as missing", () => {
    expect(failures(hstsMissing, makeContext([withHeaders({ "strict-transport-security": "max-age=0" })]))).toHaveLength(1);
  });

  it("short max-age and no includeSubDomains are low", () => {
    const page = withHeaders({ "strict-transport-security": "max-age=86400" });
    const r = failures(hstsWeak, makeContext([page]));
    expect(r.map((x) => x.key).sort()).toEqual(["includeSubDomains", "max-age"]);
    expect(r.every((x) => x.severity === "low")).toBe(true);
  });
});

describe("framing, sniffing, referrer, permissions", () => {
  it("clickjacking: fires without XFO/frame-ancestors; either one suffices", () => {
    const none = withHeaders({ "x-frame-options": undefined, "content-security-policy": "default-src 'self'" });
    expect(failures(clickjacking, makeContext([none]))).toHaveLength(1);
    const fa = withHeaders({ "x-frame-options": undefined });
    expect(failures(clickjacking, makeContext([fa]))).toEqual([]);
    const allowFrom = withHeaders({ "x-frame-options": "ALLOW-FROM https://x.example", "content-security-policy": "default-src 'self'" });
    expect(failures(clickjacking, makeContext([allowFrom]))).toHaveLength(1);
  });

  it("frame-ancestors in a <meta> CSP does not count", () => {
    const page = makePage({ dom: { metaCsp: "default-src 'self'; frame-ancestors 'none'" } });
    delete page.responseHeaders["x-frame-options"];
    delete page.responseHeaders["content-security-policy"];
    expect(failures(clickjacking, makeContext([page]))).toHaveLength(1);
  });

  it("nosniff must be exactly nosniff", () => {
    expect(failures(noSniff, makeContext([withHeaders({ "x-content-type-options": undefined })]))).toHaveLength(1);
    expect(failures(noSniff, makeContext([withHeaders({ "x-content-type-options": "NoSniff" })]))).toEqual([]);
  });

  it("referrer policy: missing is low, unsafe-url medium, no-referrer-when-downgrade low, meta counts", () => {
    expect(failures(referrerPolicyMissing, makeContext([withHeaders({ "referrer-policy": undefined })]))[0].severity).toBe("low");
    expect(failures(referrerPolicyUnsafe, makeContext([withHeaders({ "referrer-policy": "unsafe-url" })]))[0].severity).toBe("medium");
    expect(failures(referrerPolicyUnsafe, makeContext([withHeaders({ "referrer-policy": "no-referrer-when-downgrade" })]))[0].severity).toBe("low");
    // Last recognised token wins.
    expect(failures(referrerPolicyUnsafe, makeContext([withHeaders({ "referrer-policy": "unsafe-url, strict-origin-when-cross-origin" })]))).toEqual([]);
    const meta = makePage({ dom: { metaReferrer: "no-referrer" } });
    delete meta.responseHeaders["referrer-policy"];
    expect(failures(referrerPolicyMissing, makeContext([meta]))).toEqual([]);
  });

  it("permissions-policy missing is low", () => {
    expect(failures(permissionsPolicyMissing, makeContext([withHeaders({ "permissions-policy": undefined })]))[0].severity).toBe("low");
  });
});

describe("server-version-disclosure", () => {
  it("fires on versioned Server / X-Powered-By / X-AspNet-Version, keyed by header", () => {
    const page = withHeaders({ server: "Apache/2.4.41 (Ubuntu)", "x-powered-by": "PHP/7.4.3", "x-aspnet-version": "4.0.30319" });
    expect(failures(versionDisclosure, makeContext([page])).map((r) => r.key).sort()).toEqual(["server", "x-aspnet-version", "x-powered-by"]);
  });

  it("does not fire on product names without versions", () => {
    const page = withHeaders({ server: "nginx", "x-powered-by": "Next.js" });
    expect(failures(versionDisclosure, makeContext([page]))).toEqual([]);
  });
});
