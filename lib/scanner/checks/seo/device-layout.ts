// Checks of how a page fits the screen it was loaded on (the device probe of lib/scanner/gather/devices.ts):
// tap targets too small and too close on a touch screen, and content wider than the viewport. Both are
// device-dependent (lib/scanner/device-checks.ts): they run on every device's load and their findings name the
// device. A page loaded without a device profile has no probe: n/a.
import type { CheckDefinition } from "../../types";
import { fail, listPreview } from "../shared/result";
import { isIndexablePage } from "./pages";

export const tapTargets: CheckDefinition = {
  rule: "seo-tap-targets",
  pillar: "seo",
  severity: "medium",
  weight: 3,
  title: "Tap targets are too small or too close together",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    const device = page?.device;
    if (!page || !device || !device.touch || !isIndexablePage(page)) return "n/a";
    if (device.tapTargets.checked === 0) return "n/a";
    if (device.tapTargets.tooCloseCount === 0) return [];
    const lines = device.tapTargets.tooClose.map(
      (t) => `${t.selector} (${t.width}×${t.height} px${t.text ? `, "${t.text}"` : ""}) next to ${t.near}`,
    );
    return device.tapTargets.tooClose.slice(0, 10).map((t) =>
      fail(tapTargets, {
        url: page.url,
        selector: t.selector,
        description: `On a ${device.screenWidth} px wide touch screen, ${device.tapTargets.tooCloseCount} of ${device.tapTargets.checked} links and buttons are smaller than 48×48 px with another target within a fingertip's reach, so visitors tap the wrong one. Google's mobile-friendly guidance asks for 48 px targets.`,
        fix: "Give links and buttons a tap area of at least 48×48 CSS px (padding or min-height/min-width) and at least 8 px between neighbouring targets, at least on narrow screens (a media query).",
        evidence: listPreview(lines),
      }),
    );
  },
};

export const contentWidth: CheckDefinition = {
  rule: "seo-content-width",
  pillar: "seo",
  severity: "medium",
  weight: 3,
  title: "Content is wider than the screen",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    const device = page?.device;
    if (!page || !device || !isIndexablePage(page)) return "n/a";
    // Without a viewport tag a phone lays the page out 980 px wide: seo-viewport reports that.
    if (device.mobile && !page.dom.metaViewport) return "n/a";
    const vp = device.viewport;
    const wider = Math.max(vp.scrollWidth, vp.width);
    if (wider <= vp.layoutWidth + 1 && vp.width <= device.screenWidth + 1) return [];
    const culprits = device.overflowing.map((o) => `${o.selector}: ${o.width} px wide, reaches ${o.right} px`);
    return [
      fail(contentWidth, {
        url: page.url,
        selector: device.overflowing[0]?.selector,
        description: `On a ${device.screenWidth} px wide screen the page's content is ${wider} px wide, so visitors scroll sideways or see the page zoomed out. Search engines treat that as not mobile-friendly.`,
        fix: "Size wide elements relatively (max-width: 100%, flexible grids, media queries) and let tables and code blocks scroll inside their own box (overflow-x: auto).",
        evidence: culprits.length ? listPreview(culprits) : `layout viewport ${vp.layoutWidth} px, document ${vp.scrollWidth} px`,
      }),
    ];
  },
};
