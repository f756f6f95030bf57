import { describe, expect, it } from "vitest";
import type { DomFacts } from "../../types";
import { failures, makeContext, makePage, makeRequest } from "../shared/test-artifacts";
import { KiB } from "./format";
import { renderBlockingCss, renderBlockingScripts } from "./render-blocking";

const html = (head: string, body = "") => `<html lang="en"><head>${head}</head><body>${body}</body></html>`;
const script = (src: string, extra: Partial<DomFacts["scripts"][number]> = {}) => ({ src, inline: false, async: false, defer: false, ...extra });

describe("perf-render-blocking-script", () => {
  it("flags a synchronous script in <head>, keyed by its URL, site-wide", () => {
    const page = makePage({
      dom: { scripts: [script("https://cdn.thirdparty.net/widget.js?x=1")], html: html('<script src="https://cdn.thirdparty.net/widget.js?x=1"></script>') },
      requests: [makeRequest("https://cdn.thirdparty.net/widget.js?x=1", { transferBytes: 40 * KiB, thirdParty: true, renderBlocking: true })],
    });
    const r = failures(renderBlockingScripts, makeContext([page]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ severity: "medium", key: "https://cdn.thirdparty.net/widget.js", siteWide: true });
    expect(r[0].description).toMatch(/third-party/);
  });

  it("finds relative head scripts when gather has no renderBlocking flag; small first-party ones are low", () => {
    const page = makePage({
      dom: { scripts: [script("https://example.com/js/theme.js")], html: html('<script src="/js/theme.js"></script>') },
      requests: [makeRequest("https://example.com/js/theme.js", { transferBytes: 900 })],
    });
    const r = failures(renderBlockingScripts, makeContext([page]));
    expect(r).toHaveLength(1);
    expect(r[0].severity).toBe("low");
  });

  it("ignores async, defer, module, body-end scripts and ones Chromium reports as non-blocking", () => {
    const page = makePage({
      dom: {
        scripts: [
          script("https://example.com/a.js", { async: true }),
          script("https://example.com/d.js", { defer: true }),
          script("https://example.com/m.js", { type: "module" }),
          script("https://example.com/body.js"),
          script("https://example.com/injected.js"),
        ],
        html: html('<script async src="/a.js"></script><script defer src="/d.js"></script><script type="module" src="/m.js"></script><script src="/injected.js"></script>', '<script src="/body.js"></script>'),
      },
      requests: [makeRequest("https://example.com/injected.js", { renderBlocking: false }), makeRequest("https://example.com/body.js", { renderBlocking: true })],
    });
    expect(failures(renderBlockingScripts, makeContext([page]))).toEqual([]);
  });

  it("ignores head scripts the browser never fetched (nomodule, blocked)", () => {
    const page = makePage({
      dom: { scripts: [script("https://example.com/legacy.js")], html: html('<script nomodule src="/legacy.js"></script>') },
      requests: [makeRequest("https://example.com/", { resourceType: "document" })],
    });
    expect(failures(renderBlockingScripts, makeContext([page]))).toEqual([]);
  });
});

describe("perf-render-blocking-css", () => {
  const sheets = (n: number, bytes: number) => ({
    dom: { stylesheets: Array.from({ length: n }, (_, i) => ({ href: `https://example.com/s${i}.css` })) },
    requests: Array.from({ length: n }, (_, i) => makeRequest(`https://example.com/s${i}.css`, { resourceType: "stylesheet", transferBytes: bytes, renderBlocking: true })),
  });
  it("fires beyond 4 stylesheets or 100 KB, medium beyond 250 KB", () => {
    expect(failures(renderBlockingCss, makeContext([makePage(sheets(6, 5 * KiB))]))[0].severity).toBe("low");
    expect(failures(renderBlockingCss, makeContext([makePage(sheets(2, 150 * KiB))]))[0].severity).toBe("medium");
  });
  it("accepts a couple of small stylesheets and ignores print and non-blocking ones", () => {
    expect(failures(renderBlockingCss, makeContext([makePage(sheets(2, 20 * KiB))]))).toEqual([]);
    const print = makePage({
      dom: { stylesheets: [{ href: "https://example.com/print.css", media: "print" }] },
      requests: [makeRequest("https://example.com/print.css", { resourceType: "stylesheet", transferBytes: 500 * KiB })],
    });
    expect(failures(renderBlockingCss, makeContext([print]))).toEqual([]);
  });
});
