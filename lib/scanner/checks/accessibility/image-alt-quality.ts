// Images whose alt text is present but meaningless: a file name, a camera counter or a placeholder word.
// axe's image-alt only checks that alt exists, so "IMG_0042.jpg" passes it, yet a screen reader reads the
// file name instead of what the image shows — a WCAG 1.1.1 failure that pa11y/Lighthouse users expect
// to be told about.
import type { CheckDefinition, CheckResult, ImageFact } from "../../types";
import { fail } from "../shared/result";
import { parseUrl, urlWithoutQuery } from "../shared/web";

const FILE_EXTENSION = /\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$/i;
const CAMERA_NAME = /^(img|dsc|dscn|dscf|pxl|photo|pic|image|screenshot|screen shot)[\s_-]*\d{2,}/i;
const PLACEHOLDERS = new Set(["image", "img", "photo", "picture", "graphic", "spacer", "placeholder", "alt", "untitled", "icon", "banner"]);

function basename(src: string): string {
  const u = parseUrl(src);
  const path = u ? u.pathname : src.split(/[?#]/)[0];
  try {
    return decodeURIComponent(path.split("/").pop() ?? "").toLowerCase();
  } catch {
    return (path.split("/").pop() ?? "").toLowerCase();
  }
}

/** Why this alt text does not describe the image, or null when it plausibly does. */
export function meaninglessAltReason(img: ImageFact): string | null {
  const alt = (img.alt ?? "").trim();
  if (alt === "") return null; // missing alt is axe's image-alt; empty alt is a legitimate "decorative"
  const lower = alt.toLowerCase();
  if (FILE_EXTENSION.test(lower)) return "the alt text is a file name";
  if (CAMERA_NAME.test(alt)) return "the alt text is a camera or screenshot file name";
  if (PLACEHOLDERS.has(lower.replace(/[.\s]+$/, ""))) return "the alt text is a placeholder word";
  const file = basename(img.src);
  if (file && (lower === file || lower === file.replace(/\.[a-z0-9]+$/, ""))) return "the alt text repeats the image's file name";
  return null;
}

export const imageAltQuality: CheckDefinition = {
  rule: "a11y-image-alt-meaningless",
  pillar: "accessibility",
  severity: "medium",
  weight: 7,
  title: "Image alt text is a file name or placeholder",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null) return "n/a";
    const withAlt = page.dom.images.filter((i) => (i.alt ?? "").trim() !== "");
    if (withAlt.length === 0) return "n/a";
    const results: CheckResult[] = [];
    for (const img of withAlt) {
      const reason = meaninglessAltReason(img);
      if (!reason) continue;
      results.push(
        fail(imageAltQuality, {
          url: page.url,
          description: `This image has alt="${(img.alt ?? "").slice(0, 120)}": ${reason}. Screen-reader users hear that instead of what the image shows (WCAG 1.1.1, level A).`,
          fix: 'Replace the alt text with a short description of what the image conveys in context (e.g. alt="Team photo at the 2024 offsite"), or alt="" if the image is purely decorative.',
          evidence: `<img src="${img.src}" alt="${img.alt ?? ""}">`,
          selector: img.selector,
          // The same image (a logo, a team photo) reused across pages is one finding.
          key: urlWithoutQuery(img.src),
          siteWide: true,
        }),
      );
      if (results.length >= 25) break;
    }
    return results;
  },
};
