import { describe, expect, it } from "vitest";
import { applyProgress, emptyLiveState, LIVE_FINDINGS_MAX, parseLiveState } from "./live-progress";

describe("live progress", () => {
  it("tracks the pages loading and folds each page's preview findings in as it ends", () => {
    let s = emptyLiveState();
    s = applyProgress(s, { phase: "gather", pagesDone: 0, pagesTotal: 2, url: "https://a.example/", event: "start" });
    s = applyProgress(s, { phase: "gather", pagesDone: 0, pagesTotal: 2, url: "https://a.example/b", event: "start" });
    expect(s.loading).toEqual(["https://a.example/", "https://a.example/b"]);
    expect(s.findings).toEqual([]);
    const alt = { pillar: "accessibility" as const, rule: "axe-image-alt", severity: "high" as const, title: "Images need alt text" };
    s = applyProgress(s, { phase: "gather", pagesDone: 1, pagesTotal: 2, url: "https://a.example/", event: "end", pageFindings: [alt] });
    expect(s.loading).toEqual(["https://a.example/b"]);
    expect(s.findings).toEqual([{ ...alt, pages: 1 }]);
    s = applyProgress(s, { phase: "gather", pagesDone: 2, pagesTotal: 2, url: "https://a.example/b", event: "end", pageFindings: [alt, { ...alt, rule: "perf-lcp", pillar: "performance", title: "Slow LCP" }] });
    expect(s.loading).toEqual([]);
    expect(s.findings.map((f) => [f.rule, f.pages])).toEqual([["axe-image-alt", 2], ["perf-lcp", 1]]);
    // What it stores reads back the same; anything malformed reads as empty.
    expect(parseLiveState(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(parseLiveState({ loading: "x" })).toEqual(emptyLiveState());
  });

  it("stays bounded whatever a site produces", () => {
    let s = emptyLiveState();
    const many = Array.from({ length: LIVE_FINDINGS_MAX + 50 }, (_, i) => ({ pillar: "seo" as const, rule: `r${i}`, severity: "low" as const, title: "x".repeat(1000) }));
    s = applyProgress(s, { phase: "gather", pagesDone: 1, pagesTotal: 1, url: "https://a.example/", event: "end", pageFindings: many });
    expect(s.findings).toHaveLength(LIVE_FINDINGS_MAX);
    expect(s.findings[0].title.length).toBe(300);
    expect(parseLiveState(s)).toEqual(s);
  });
});
