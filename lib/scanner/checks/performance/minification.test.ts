import { describe, expect, it } from "vitest";
import { failures, makeContext, makePage, makeRequest, runCheck } from "../shared/test-artifacts";
import { KiB } from "./format";
import { estimateMinifiedLength, unminifiedCode } from "./minification";

const readable = Array.from({ length: 200 }, (_, i) => `// helper number ${i}\nfunction helper${i}(a, b) {\n    return a * ${i} + b;\n}\n`).join("");
const minified = Array.from({ length: 200 }, (_, i) => `function helper${i}(a,b){return a*${i}+b}`).join("");
const script = (url: string, body: string, extra = {}) => makeRequest(url, { body, bodyBytes: body.length, transferBytes: body.length + 200, ...extra });

describe("estimateMinifiedLength", () => {
  it("drops comments and needless whitespace, keeps strings and the spaces that separate words", () => {
    expect(estimateMinifiedLength("/* c */ var  a = 1 ;\n// x\nreturn   b", "js")).toBe("var a=1;return b".length);
    expect(estimateMinifiedLength('s = "a  /* not a comment */  b";', "js")).toBe('s="a  /* not a comment */  b";'.length);
    expect(estimateMinifiedLength("t = `x\n  y`;", "js")).toBe("t=`x\n  y`;".length);
    expect(estimateMinifiedLength("/*! MIT */a", "js")).toBe("/*! MIT */a".length);
    expect(estimateMinifiedLength("a {\n  color: red;\n}\n/* c */\nb > c { margin: 0 auto; }", "css")).toBe("a{color:red;}b>c{margin:0 auto;}".length);
    // url(//cdn) in CSS is not a comment
    const css = "a{background:url(//cdn.example/x.png)}";
    expect(estimateMinifiedLength(css, "css")).toBe(css.length);
  });

  it("finds almost nothing to remove in minified code", () => {
    expect(estimateMinifiedLength(minified, "js") / minified.length).toBeGreaterThan(0.99);
  });
});

describe("perf-unminified-code", () => {
  it("reports readable first-party scripts with the estimated savings, and leaves minified ones alone", () => {
    const page = makePage({ requests: [script("https://example.com/app.js", readable), script("https://example.com/app.min.js", minified)] });
    const [r, ...rest] = failures(unminifiedCode, makeContext([page]));
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ key: "https://example.com/app.js", siteWide: true, severity: "low" });
    expect(r.evidence).toContain("https://example.com/app.js");
    expect(r.evidence).not.toContain("app.min.js");
    expect(r.evidence).toMatch(/^\d+ KB of \d+ KB removable/);
  });

  it("keeps third parties apart, ignores small files and responses without a captured body", () => {
    const page = makePage({
      requests: [
        script("https://cdn.other.net/lib.js", readable, { thirdParty: true }),
        script("https://example.com/tiny.js", "/* tiny */\nvar a = 1;\n"),
        makeRequest("https://example.com/nobody.js", { bodyBytes: 80 * KiB }),
      ],
    });
    const r = failures(unminifiedCode, makeContext([page]));
    expect(r.map((x) => x.key)).toEqual(["https://cdn.other.net/lib.js"]);
    expect(r[0].fix).toContain("provider");
  });

  it("rates large first-party savings medium and scales a capped body to the full response", () => {
    const page = makePage({ requests: [script("https://example.com/big.js", readable, { bodyBytes: 2_000 * KiB })] });
    expect(failures(unminifiedCode, makeContext([page]))[0].severity).toBe("medium");
  });

  it("is n/a without any script or stylesheet body", () => {
    expect(runCheck(unminifiedCode, makeContext([makePage({ requests: [] })]))).toBe("n/a");
  });
});
