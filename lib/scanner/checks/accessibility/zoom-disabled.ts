// Pinch-zoom disabled by the viewport meta. axe's meta-viewport rule covers the same defect, so this
// check only speaks when axe did not judge the page (axe errored, timed out, or the rule did not run):
// low-vision users lose zoom either way, and we do not want two findings for one tag.
import type { CheckDefinition } from "../../types";
import { fail } from "../shared/result";
import { zoomBlockReason } from "../shared/viewport";
import { usableAxe } from "./axe-checks";

export const zoomDisabled: CheckDefinition = {
  rule: "a11y-zoom-disabled",
  pillar: "accessibility",
  severity: "medium",
  weight: 3,
  title: "The viewport prevents users from zooming",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null) return "n/a";
    const axe = usableAxe(page);
    if (axe && [axe.passes, axe.inapplicable, axe.incomplete].some((l) => l.includes("meta-viewport"))) return "n/a";
    if (axe?.violations.some((v) => v.id === "meta-viewport")) return "n/a";
    const content = page.dom.metaViewport;
    if (!content) return [];
    const reason = zoomBlockReason(content);
    if (!reason) return [];
    return [
      fail(zoomDisabled, {
        url: page.url,
        description: `The <meta name="viewport"> tag ${reason}. People with low vision rely on pinch-zoom to read; WCAG 1.4.4 (level AA) requires text to be resizable to 200%.`,
        fix: 'Use <meta name="viewport" content="width=device-width, initial-scale=1"> and remove user-scalable=no and maximum-scale.',
        evidence: `<meta name="viewport" content="${content}">`,
        selector: 'meta[name="viewport"]',
      }),
    ];
  },
};
