import { describe, expect, it } from "vitest";
import { badgeMessage, escapeXml, renderBadge } from "./render-badge";

describe("renderBadge", () => {
  it("shows score and grade in the grade's colour, and grey states", () => {
    expect(badgeMessage({ kind: "score", score: 95, grade: "A+" })).toEqual({ text: "95 A+", color: "#44cc11" });
    expect(badgeMessage({ kind: "score", score: 30, grade: "F" })).toEqual({ text: "30 F", color: "#e05d44" });
    expect(badgeMessage({ kind: "score", score: 72, grade: null })).toEqual({ text: "72", color: "#dfb317" });
    expect(badgeMessage({ kind: "unverified" })).toEqual({ text: "unverified", color: "#9f9f9f" });
    expect(badgeMessage({ kind: "no_scan" })).toEqual({ text: "no scan", color: "#9f9f9f" });
    expect(badgeMessage({ kind: "unknown" })).toEqual({ text: "unknown", color: "#9f9f9f" });
    expect(badgeMessage({ kind: "not_scanned" })).toEqual({ text: "not scanned", color: "#9f9f9f" });
  });

  it("escapes and produces well-formed SVG whose width grows with the text", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    const svg = renderBadge({ kind: "score", score: 50, grade: "<F>" });
    expect(svg).not.toContain("<F>");
    expect(svg).toContain("&lt;F&gt;");
    const width = (s: string) => Number(/width="(\d+)"/.exec(s)![1]);
    expect(width(renderBadge({ kind: "unverified" }))).toBeGreaterThan(width(renderBadge({ kind: "score", score: 9, grade: "A" })));
  });

  it("draws flat, flat-square and for-the-badge", () => {
    const s = { kind: "score", score: 88, grade: "B" } as const;
    expect(renderBadge(s)).toContain('rx="3"');
    expect(renderBadge(s, { style: "flat-square" })).not.toMatch(/rx=|linearGradient/);
    const big = renderBadge(s, { style: "for-the-badge", label: "plumb seo" });
    expect(big).toContain('height="28"');
    expect(big).toContain(">PLUMB SEO<");
  });

  it("links only to http(s) URLs, escaped", () => {
    const s = { kind: "no_scan" } as const;
    expect(renderBadge(s, { link: "javascript:alert(1)" })).not.toContain("<a ");
    const linked = renderBadge(s, { link: 'https://plumb.example/directory/a"b' });
    expect(linked).toContain('<a href="https://plumb.example/directory/a%22b"');
  });
});
