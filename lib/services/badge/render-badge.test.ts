import { describe, expect, it } from "vitest";
import { badgeMessage, escapeXml, renderBadge } from "./render-badge";

describe("renderBadge", () => {
  it("shows score and grade in the grade's colour, and grey states", () => {
    expect(badgeMessage({ kind: "score", score: 95, grade: "A+" })).toEqual({ text: "95 A+", color: "#44cc11" });
    expect(badgeMessage({ kind: "score", score: 30, grade: "F" })).toEqual({ text: "30 F", color: "#e05d44" });
    expect(badgeMessage({ kind: "score", score: 72, grade: null })).toEqual({ text: "72", color: "#dfb317" });
    expect(badgeMessage({ kind: "unverified" })).toEqual({ text: "unverified", color: "#9f9f9f" });
    expect(badgeMessage({ kind: "no_scan" })).toEqual({ text: "no scan", color: "#9f9f9f" });
  });

  it("escapes and produces well-formed SVG whose width grows with the text", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    const svg = renderBadge({ kind: "score", score: 50, grade: "<F>" });
    expect(svg).not.toContain("<F>");
    expect(svg).toContain("&lt;F&gt;");
    const width = (s: string) => Number(/width="(\d+)"/.exec(s)![1]);
    expect(width(renderBadge({ kind: "unverified" }))).toBeGreaterThan(width(renderBadge({ kind: "score", score: 9, grade: "A" })));
  });
});
