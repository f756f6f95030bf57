import { describe, expect, it } from "vitest";
import { failures, makeContext, makePage, makeProbe, makeRequest, runCheck } from "../shared/test-artifacts";
import { corsPermissive, sriMissing } from "./cors-sri";
import { envFileExposed, gitConfigExposed, securityTxtExpired, securityTxtMissing, sourceMapPublic } from "./exposed-files";
import { mixedContent, passwordFormInsecure, plainHttp, tlsCertificate, tlsExpiring, tlsWeakProtocol } from "./transport";

const now = () => Math.floor(Date.now() / 1000);

describe("plain-http", () => {
  it("fires once (high, on the origin) for an http site", () => {
    const ctx = makeContext([makePage({ url: "http://example.com/" }), makePage({ url: "http://example.com/a" })], { origin: "http://example.com" });
    const r = failures(plainHttp, ctx);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ severity: "high", url: "http://example.com/", key: "http" });
  });

  it("https site: medium when http:// serves content instead of redirecting; fine when it redirects or is closed", () => {
    const serves = makeProbe("http://example.com/", { status: 200, headers: { "content-type": "text/html" }, body: "<h1>hi</h1>" });
    const [r] = failures(plainHttp, makeContext([makePage()], { httpProbe: serves }));
    expect(r).toMatchObject({ severity: "medium", key: "http-no-redirect" });
    const redirects = makeProbe("http://example.com/", { status: 301, headers: { location: "https://example.com/" }, body: "" });
    expect(failures(plainHttp, makeContext([makePage()], { httpProbe: redirects }))).toEqual([]);
    const toHttp = makeProbe("http://example.com/", { status: 302, headers: { location: "http://www.example.com/" }, body: "" });
    expect(failures(plainHttp, makeContext([makePage()], { httpProbe: toHttp }))).toHaveLength(1);
    expect(failures(plainHttp, makeContext([makePage()], { httpProbe: makeProbe("http://example.com/", { status: null, body: "" }) }))).toEqual([]);
    expect(failures(plainHttp, makeContext([makePage()]))).toEqual([]);
  });

  it("passes when http redirects to https", () => {
    const page = makePage({ url: "http://example.com/", finalUrl: "https://example.com/", redirects: [{ url: "http://example.com/", status: 301, location: "https://example.com/" }] });
    expect(failures(plainHttp, makeContext([page], { origin: "http://example.com" }))).toEqual([]);
  });
});

describe("mixed-content", () => {
  it("active http subresources on https are high, passive medium, keyed by kind+host", () => {
    const page = makePage({
      requests: [
        makeRequest("http://cdn.example.net/app.js", { resourceType: "script" }),
        makeRequest("http://img.example.net/a.png", { resourceType: "image" }),
      ],
    });
    const r = failures(mixedContent, makeContext([page]));
    expect(r.map((x) => `${x.key}:${x.severity}`).sort()).toEqual(["active:cdn.example.net:high", "passive:img.example.net:medium"]);
  });

  it("sees blocked mixed scripts through the DOM, and is n/a on http pages", () => {
    const page = makePage({ dom: { scripts: [{ src: "http://cdn.example.net/x.js", inline: false, async: false, defer: false }] } });
    expect(failures(mixedContent, makeContext([page]))).toHaveLength(1);
    expect(runCheck(mixedContent, makeContext([makePage({ url: "http://example.com/", requests: [makeRequest("http://x.example/a.js")] })]))).toBe("n/a");
  });

  it("https subresources are fine", () => {
    const page = makePage({ requests: [makeRequest("https://cdn.example.net/app.js")] });
    expect(failures(mixedContent, makeContext([page]))).toEqual([]);
  });
});

describe("password-form-insecure", () => {
  const form = (action: string) => ({ action, method: "post", hasPassword: true, selector: "form#login" });
  it("fires on an http page and on an https page posting to http", () => {
    expect(failures(passwordFormInsecure, makeContext([makePage({ url: "http://example.com/login", dom: { forms: [form("http://example.com/login")] } })]))[0].key).toBe("page-http");
    expect(failures(passwordFormInsecure, makeContext([makePage({ dom: { forms: [form("http://example.com/session")] } })]))[0].key).toBe("action:example.com");
  });

  it("passes https-to-https and ignores forms without passwords", () => {
    expect(failures(passwordFormInsecure, makeContext([makePage({ dom: { forms: [form("https://example.com/session")] } })]))).toEqual([]);
    const search = { action: "http://example.com/search", method: "get", hasPassword: false, selector: "form" };
    expect(runCheck(passwordFormInsecure, makeContext([makePage({ url: "http://example.com/", dom: { forms: [search] } })]))).toBe("n/a");
  });
});

describe("tls", () => {
  it("expired certificate and certificate errors are critical; valid passes", () => {
    const expired = makePage({ tls: { protocol: "TLS 1.3", validFrom: now() - 400 * 86400, validTo: now() - 86400 } });
    expect(failures(tlsCertificate, makeContext([expired]))[0].severity).toBe("critical");
    const err = makePage({ status: null, tls: { error: "net::ERR_CERT_COMMON_NAME_INVALID" } });
    expect(failures(tlsCertificate, makeContext([err]))[0].evidence).toContain("ERR_CERT_COMMON_NAME_INVALID");
    expect(failures(tlsCertificate, makeContext([makePage()]))).toEqual([]);
    expect(runCheck(tlsCertificate, makeContext([makePage({ url: "http://example.com/" })]))).toBe("n/a");
  });

  it("expiring within 30 days warns (medium), within 7 days high; 60 days passes", () => {
    const soon = makePage({ tls: { protocol: "TLS 1.3", validTo: now() + 20 * 86400 } });
    expect(failures(tlsExpiring, makeContext([soon]))[0].severity).toBe("medium");
    const verySoon = makePage({ tls: { protocol: "TLS 1.3", validTo: now() + 3 * 86400 } });
    expect(failures(tlsExpiring, makeContext([verySoon]))[0].severity).toBe("high");
    expect(failures(tlsExpiring, makeContext([makePage()]))).toEqual([]);
  });

  it("a handshake Chromium refuses for its protocol version is weak-protocol (critical), not a certificate problem", () => {
    const refused = makePage({ status: null, tls: { error: "net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH" } });
    expect(failures(tlsWeakProtocol, makeContext([refused]))[0].severity).toBe("critical");
    expect(failures(tlsCertificate, makeContext([refused]))).toEqual([]);
  });

  it("TLS 1.0/1.1 is weak, 1.2/1.3 fine", () => {
    for (const p of ["TLS 1.0", "TLS 1.1", "TLSv1", "SSL 3.0"]) {
      expect(failures(tlsWeakProtocol, makeContext([makePage({ tls: { protocol: p, validTo: now() + 90 * 86400 } })])), p).toHaveLength(1);
    }
    for (const p of ["TLS 1.2", "TLS 1.3"]) {
      expect(failures(tlsWeakProtocol, makeContext([makePage({ tls: { protocol: p, validTo: now() + 90 * 86400 } })])), p).toEqual([]);
    }
  });
});

describe("cors-permissive", () => {
  const probe = (headers: Record<string, string>) => ({ corsProbe: makeProbe("https://example.com/", { status: 200, headers }) });
  it("reflected origin with credentials is high", () => {
    const r = failures(corsPermissive, makeContext(undefined, probe({ "access-control-allow-origin": "https://evil.example", "access-control-allow-credentials": "true" })));
    expect(r[0]).toMatchObject({ severity: "high", key: "reflected-origin-credentials" });
  });
  it("* with credentials is medium, reflection alone low, plain * nothing", () => {
    expect(failures(corsPermissive, makeContext(undefined, probe({ "access-control-allow-origin": "*", "access-control-allow-credentials": "true" })))[0].severity).toBe("medium");
    expect(failures(corsPermissive, makeContext(undefined, probe({ "access-control-allow-origin": "https://evil.example" })))[0].severity).toBe("low");
    expect(failures(corsPermissive, makeContext(undefined, probe({ "access-control-allow-origin": "*" })))).toEqual([]);
    expect(failures(corsPermissive, makeContext(undefined, probe({ "access-control-allow-origin": "https://example.com", "access-control-allow-credentials": "true" })))).toEqual([]);
  });
});

describe("exposed files", () => {
  it("git config: fires on a real config, not on a soft-404 HTML page", () => {
    const real = makeProbe("https://example.com/.git/config", { status: 200, headers: { "content-type": "text/plain" }, body: "[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n[remote \"origin\"]\n\turl = https://user:tok@github.com/acme/site.git\n" });
    const [r] = failures(gitConfigExposed, makeContext(undefined, { gitConfig: real }));
    expect(r.severity).toBe("critical");
    expect(r.evidence).not.toContain("user:tok");
    const soft404 = makeProbe("https://example.com/.git/config", { status: 200, headers: { "content-type": "text/html" }, body: "<!doctype html><h1>Page not found</h1> [core] filemode = true" });
    expect(failures(gitConfigExposed, makeContext(undefined, { gitConfig: soft404 }))).toEqual([]);
  });

  it(".env: fires on assignments with masked values; not on HTML or prose", () => {
    const env = makeProbe("https://example.com/.env", { status: 200, headers: { "content-type": "text/plain" }, body: "# prod\nDB_PASSWORD=hunter2hunter2hunter2\nexport API_KEY=\"abcd1234efgh5678\"\nDEBUG=false\n" });
    const [r] = failures(envFileExposed, makeContext(undefined, { envFile: env }));
    expect(r.severity).toBe("critical");
    expect(r.evidence).toContain("DB_PASSWORD=");
    expect(r.evidence).not.toContain("hunter2hunter2hunter2");
    const html = makeProbe("https://example.com/.env", { status: 200, headers: { "content-type": "text/html" }, body: "<html><body>A=1\nB=2</body></html>" });
    expect(failures(envFileExposed, makeContext(undefined, { envFile: html }))).toEqual([]);
    const prose = makeProbe("https://example.com/.env", { status: 200, headers: { "content-type": "text/plain" }, body: "Welcome to our site.\nWe sell shoes.\nContact us at x=y\n" });
    expect(failures(envFileExposed, makeContext(undefined, { envFile: prose }))).toEqual([]);
    expect(failures(envFileExposed, makeContext())).toEqual([]);
  });

  it("source maps: fires on real v3 maps only", () => {
    const map = makeProbe("https://example.com/app.js.map", { status: 200, headers: { "content-type": "application/json" }, body: '{"version":3,"sources":["src/app.ts"],"sourcesContent":["const x=1"],"mappings":"AAAA"}' });
    const [r] = failures(sourceMapPublic, makeContext(undefined, { sourceMaps: [map] }));
    expect(r).toMatchObject({ severity: "low", key: "source-maps" });
    const notMap = makeProbe("https://example.com/app.js.map", { status: 200, headers: { "content-type": "text/html" }, body: "<html>not found</html>" });
    expect(failures(sourceMapPublic, makeContext(undefined, { sourceMaps: [notMap] }))).toEqual([]);
    expect(runCheck(sourceMapPublic, makeContext())).toBe("n/a");
  });

  it("security.txt: missing (404 or HTML) fires; expired / no Expires fires; valid passes", () => {
    expect(failures(securityTxtMissing, makeContext(undefined, { securityTxt: makeProbe("https://example.com/.well-known/security.txt") }))).toHaveLength(1);
    const html = makeProbe("https://example.com/.well-known/security.txt", { status: 200, headers: { "content-type": "text/html" }, body: "<!doctype html><p>Contact: us</p>" });
    expect(failures(securityTxtMissing, makeContext(undefined, { securityTxt: html }))).toHaveLength(1);
    expect(failures(securityTxtMissing, makeContext())).toEqual([]);
    expect(failures(securityTxtExpired, makeContext())).toEqual([]);
    const expired = makeProbe("https://example.com/.well-known/security.txt", { status: 200, headers: { "content-type": "text/plain" }, body: "Contact: mailto:s@example.com\nExpires: 2020-01-01T00:00:00.000Z\n" });
    expect(failures(securityTxtExpired, makeContext(undefined, { securityTxt: expired }))[0].title).toMatch(/expired/);
    const noExpires = makeProbe("https://example.com/.well-known/security.txt", { status: 200, headers: { "content-type": "text/plain" }, body: "Contact: mailto:s@example.com\n" });
    expect(failures(securityTxtExpired, makeContext(undefined, { securityTxt: noExpires }))).toHaveLength(1);
  });
});

describe("sri-missing", () => {
  it("fires per third-party host without integrity; first-party and SRI-protected pass", () => {
    const page = makePage({
      dom: {
        scripts: [
          { src: "https://cdn.jsdelivr.net/npm/lib@1/lib.min.js", inline: false, async: false, defer: false },
          { src: "https://cdn.other.net/x.js", inline: false, async: false, defer: false, integrity: "sha384-abc", crossorigin: "anonymous" },
          { src: "https://static.example.com/app.js", inline: false, async: false, defer: false },
          { inline: true, async: false, defer: false, inlineText: "1" },
        ],
        stylesheets: [{ href: "https://fonts.example.org/a.css" }],
      },
    });
    expect(failures(sriMissing, makeContext([page])).map((r) => r.key).sort()).toEqual(["cdn.jsdelivr.net", "fonts.example.org"]);
  });

  it("skips hosts where SRI cannot work: per-browser font CSS and tracker tags", () => {
    const page = makePage({
      dom: {
        scripts: [{ src: "https://www.googletagmanager.com/gtag/js?id=G-1", inline: false, async: true, defer: false }],
        stylesheets: [{ href: "https://fonts.googleapis.com/css2?family=Inter" }],
      },
    });
    expect(failures(sriMissing, makeContext([page]))).toEqual([]);
  });

  it("merges pages through siteWide results with the same key", () => {
    const script = { src: "https://cdn.jsdelivr.net/x.js", inline: false, async: false, defer: false };
    const r = failures(sriMissing, makeContext([makePage({ dom: { scripts: [script] } }), makePage({ url: "https://example.com/b", dom: { scripts: [script] } })]));
    expect(r.map((x) => x.url)).toEqual(["https://example.com/", "https://example.com/b"]);
    expect(new Set(r.map((x) => x.key)).size).toBe(1);
  });
});
