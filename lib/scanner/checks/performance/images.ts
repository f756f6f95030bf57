// Image checks: files much larger than their displayed size, and images that reserve no space before
// they load (a layout-shift risk).
import type { CheckDefinition, CheckResult, ImageFact, PageArtifacts, Severity } from "../../types";
import { fail } from "../shared/result";
import { urlWithoutQuery } from "../shared/web";
import { formatBytes, KiB, requestFor, wireBytes } from "./format";

/**
 * Pixels a crisp rendering needs: the displayed box at 2x density (most phones and laptops are 2-3x;
 * allowing 2x avoids flagging images deliberately served for retina screens).
 */
const DENSITY = 2;
/** Below this much waste per image the fix is not worth a finding (Lighthouse uses 4 KiB; we stay conservative). */
const MIN_WASTE = 24 * KiB;

function isVector(img: ImageFact): boolean {
  return /\.svg(\?|#|$)/i.test(img.src) || img.src.startsWith("data:image/svg");
}

function imageBytes(page: PageArtifacts, img: ImageFact): number | null {
  if (img.bytes !== undefined && img.bytes > 0) return img.bytes;
  const r = requestFor(page, img.src);
  if (!r || r.status === null || r.status >= 400) return null;
  const b = wireBytes(r);
  return b > 0 ? b : null;
}

export function wastedBytes(img: ImageFact, bytes: number): number {
  if (img.displayWidth <= 0 || img.displayHeight <= 0 || img.naturalWidth <= 0 || img.naturalHeight <= 0) return 0;
  const needed = img.displayWidth * DENSITY * img.displayHeight * DENSITY;
  const natural = img.naturalWidth * img.naturalHeight;
  if (natural <= needed) return 0;
  return Math.round(bytes * (1 - needed / natural));
}

export const oversizedImages: CheckDefinition = {
  rule: "perf-oversized-images",
  pillar: "performance",
  severity: "low",
  weight: 3,
  title: "Images much larger than their displayed size",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null || page.status >= 400) return "n/a";
    const raster = page.dom.images.filter((i) => !isVector(i) && i.displayWidth > 0 && i.naturalWidth > 0);
    if (raster.length === 0) return "n/a";
    const results: CheckResult[] = [];
    const seen = new Set<string>();
    for (const img of raster) {
      const key = urlWithoutQuery(img.src);
      if (seen.has(key)) continue;
      seen.add(key);
      const bytes = imageBytes(page, img);
      if (bytes === null) continue;
      const waste = wastedBytes(img, bytes);
      if (waste < MIN_WASTE) continue;
      // A quarter of a megabyte wasted on one image is seconds on a slow mobile connection.
      const severity: Severity = waste > 250 * KiB ? "medium" : "low";
      results.push(
        fail(oversizedImages, {
          url: page.url,
          severity,
          description: `This image is ${img.naturalWidth}x${img.naturalHeight} px but displayed at ${img.displayWidth}x${img.displayHeight} px. About ${formatBytes(waste)} of its ${formatBytes(bytes)} are never shown, even on a 2x screen.`,
          fix: `Resize it to at most ${img.displayWidth * DENSITY}x${img.displayHeight * DENSITY} px, serve responsive sizes with srcset/sizes, and prefer WebP or AVIF.`,
          evidence: `${key}\nnatural ${img.naturalWidth}x${img.naturalHeight}, displayed ${img.displayWidth}x${img.displayHeight}, ${formatBytes(bytes)}, ~${formatBytes(waste)} wasted`,
          selector: img.selector,
          key,
          siteWide: true,
        }),
      );
      if (results.length >= 25) break;
    }
    return results;
  },
};

/**
 * Images whose box size is unknown until the file arrives: no width+height attributes and no CSS that
 * reserves the box. When gather cannot tell whether CSS sizes the image (sizedByCss undefined) the image
 * is not judged, to avoid false alarms. Low severity as a risk; medium when the page really shifted
 * (measured CLS above the 0.1 "good" line).
 */
export const unsizedImages: CheckDefinition = {
  rule: "perf-unsized-images",
  pillar: "performance",
  severity: "low",
  weight: 3,
  title: "Images without dimensions cause layout shifts",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null || page.status >= 400) return "n/a";
    const judged = page.dom.images.filter((i) => i.displayWidth > 0 && i.displayHeight > 0 && !i.src.startsWith("data:"));
    if (judged.length === 0) return "n/a";
    const hasAttributes = (i: ImageFact) => i.width !== null && i.height !== null;
    const unsized = judged.filter((i) => !hasAttributes(i) && i.sizedByCss === false);
    // A pass must mean every image was judged: one we cannot decide leaves the page n/a, not clean.
    if (unsized.length === 0) return judged.some((i) => !hasAttributes(i) && i.sizedByCss === undefined) ? "n/a" : [];
    const shifted = (page.performance.cls ?? 0) > 0.1;
    return unsized.slice(0, 25).map((img) =>
      fail(unsizedImages, {
        url: page.url,
        severity: shifted ? "medium" : "low",
        description: `This image has no width and height attributes and no CSS size or aspect-ratio, so the browser reserves no space for it and the content below jumps when it loads${shifted ? ` (this page measured CLS ${(page.performance.cls ?? 0).toFixed(3)})` : ""}.`,
        fix: `Add the intrinsic size as attributes, e.g. <img src="…" width="${img.naturalWidth || 800}" height="${img.naturalHeight || 600}" alt="…"> and keep CSS height:auto, or set an aspect-ratio in CSS.`,
        evidence: `${urlWithoutQuery(img.src)}\ndisplayed ${img.displayWidth}x${img.displayHeight}, width attr ${img.width ?? "none"}, height attr ${img.height ?? "none"}`,
        selector: img.selector,
        key: urlWithoutQuery(img.src),
        siteWide: true,
      }),
    );
  },
};
