// Skipped heading levels (an h2 followed by an h4). axe's heading-order is a best-practice rule outside
// the WCAG tags we run, but screen-reader users navigate by headings and a jump reads as missing content
// (WCAG 1.3.1 relationships). Low severity: it confuses, it does not block.
import type { CheckDefinition } from "../../types";
import { fail } from "../shared/result";

export const headingOrder: CheckDefinition = {
  rule: "a11y-heading-order",
  pillar: "accessibility",
  severity: "low",
  weight: 1,
  title: "Heading levels are skipped",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null) return "n/a";
    const headings = page.dom.headings.filter((h) => h.level >= 1 && h.level <= 6);
    if (headings.length < 2) return "n/a";
    const skips: string[] = [];
    for (let i = 1; i < headings.length; i++) {
      const prev = headings[i - 1].level;
      const cur = headings[i].level;
      if (cur > prev + 1) skips.push(`h${prev} -> h${cur} "${headings[i].text.slice(0, 80)}"`);
    }
    if (skips.length === 0) return [];
    return [
      fail(headingOrder, {
        url: page.url,
        description: `Heading levels jump down by more than one (${skips.length} time${skips.length > 1 ? "s" : ""}). Screen-reader users navigate by headings; a skipped level suggests a missing section and breaks the outline (WCAG 1.3.1).`,
        fix: "Nest headings in order (h1, then h2, then h3…). If a heading only looks too big, keep the right level and restyle it with CSS.",
        evidence: skips.join("\n"),
      }),
    ];
  },
};
