import { describe, expect, it } from "vitest";
import { EVIDENCE_MAX, capEvidence, fail, listPreview, maskSecret, originUrl } from "./result";
import { documentPage, isThirdPartyUrl, registrableDomain, urlWithoutQuery } from "./web";
import { makePage } from "./test-artifacts";

describe("result helpers", () => {
  it("caps evidence at 2000 characters", () => {
    expect(capEvidence("x".repeat(5000))).toHaveLength(EVIDENCE_MAX);
    expect(capEvidence("short")).toBe("short");
    expect(capEvidence(undefined)).toBeUndefined();
  });

  it("masks secrets to first 4 + last 4, never the middle", () => {
    const secret = "sk_live_ABCDEFGHIJKLMNOPQRSTUVWX";
    const masked = maskSecret(secret);
    expect(masked.startsWith("sk_l")).toBe(true);
    expect(masked.endsWith("UVWX")).toBe(true);
    expect(masked).not.toContain("ABCDEFGH");
    expect(maskSecret("hunter2")).not.toContain("nter2");
  });

  it("fail() fills rule/pillar/severity/title from the definition and caps evidence", () => {
    const def = { rule: "r", pillar: "security" as const, severity: "low" as const, title: "T" };
    const r = fail(def, { url: "https://e.x/", description: "d", fix: "f", key: "k", siteWide: true, evidence: "e".repeat(3000) });
    expect(r).toMatchObject({ rule: "r", pillar: "security", severity: "low", title: "T", key: "k", siteWide: true });
    expect(r.evidence!.length).toBe(EVIDENCE_MAX);
    expect(fail(def, { url: "u", description: "d", fix: "f", severity: "high" }).severity).toBe("high");
  });

  it("formats origins and previews", () => {
    expect(originUrl("https://e.x")).toBe("https://e.x/");
    expect(listPreview(["a", "b", "c"], 2)).toBe("a\nb\n… and 1 more");
  });
});

describe("web helpers", () => {
  it("compares registrable domains with the public suffix list", () => {
    expect(registrableDomain("www.shop.example.co.uk")).toBe("example.co.uk");
    expect(registrableDomain("127.0.0.2")).toBe("127.0.0.2");
    expect(isThirdPartyUrl("https://static.example.com/a.js", "https://www.example.com/")).toBe(false);
    expect(isThirdPartyUrl("http://127.0.0.2:80/x", "http://127.0.0.1:8080/")).toBe(true);
    expect(isThirdPartyUrl("data:text/plain,x", "https://example.com/")).toBe(false);
  });

  it("strips query strings and fragments from URLs used in keys/evidence", () => {
    expect(urlWithoutQuery("https://e.x/a.js?token=secret#f")).toBe("https://e.x/a.js");
  });

  it("documentPage only accepts answered HTML documents", () => {
    expect(documentPage(makePage())).not.toBeNull();
    expect(documentPage(makePage({ status: null }))).toBeNull();
    expect(documentPage(makePage({ responseHeaders: { "content-type": "image/png" } }))).toBeNull();
    expect(documentPage(undefined)).toBeNull();
  });
});
