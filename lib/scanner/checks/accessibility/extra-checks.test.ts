import { describe, expect, it } from "vitest";
import { failures, makeContext, makePage, runCheck } from "../shared/test-artifacts";
import { headingOrder } from "./heading-order";
import { imageAltQuality, meaninglessAltReason } from "./image-alt-quality";
import { zoomDisabled } from "./zoom-disabled";

const img = (alt: string | null, src = "https://example.com/img/team.jpg", selector = "main img") => ({
  src, selector, alt, width: 100, height: 100, naturalWidth: 100, naturalHeight: 100, displayWidth: 100, displayHeight: 100,
});

describe("a11y-zoom-disabled", () => {
  const noAxe = { axe: null };
  it("fires on user-scalable=no or maximum-scale below 2 when axe did not judge the viewport", () => {
    for (const content of ["width=device-width, user-scalable=no", "width=device-width, initial-scale=1, maximum-scale=1", "width=device-width;user-scalable=0"]) {
      const r = failures(zoomDisabled, makeContext([makePage({ ...noAxe, dom: { metaViewport: content } })]));
      expect(r, content).toHaveLength(1);
      expect(r[0]).toMatchObject({ rule: "a11y-zoom-disabled", severity: "medium", selector: 'meta[name="viewport"]' });
    }
  });
  it("stays quiet for zoomable viewports and defers to axe when axe evaluated meta-viewport", () => {
    for (const content of ["width=device-width, initial-scale=1", "width=device-width, maximum-scale=5", "width=device-width, user-scalable=yes"]) {
      expect(failures(zoomDisabled, makeContext([makePage({ ...noAxe, dom: { metaViewport: content } })])), content).toEqual([]);
    }
    const judged = makePage({ dom: { metaViewport: "user-scalable=no" }, axe: { violations: [], passes: [], incomplete: [], inapplicable: ["meta-viewport"] } });
    expect(runCheck(zoomDisabled, makeContext([judged]))).toBe("n/a");
  });
});

describe("a11y-image-alt-meaningless", () => {
  it("recognises file names, camera names, placeholders and the image's own file name", () => {
    expect(meaninglessAltReason(img("hero-banner.png"))).toMatch(/file name/);
    expect(meaninglessAltReason(img("IMG_2041"))).toMatch(/camera/);
    expect(meaninglessAltReason(img("image"))).toMatch(/placeholder/);
    expect(meaninglessAltReason(img("team", "https://example.com/img/team.jpg?v=2"))).toMatch(/repeats/);
  });
  it("fires once per offending image with its selector; leaves descriptive, empty and missing alts alone", () => {
    const page = makePage({
      dom: {
        images: [
          img("DSC00042.JPG", "https://example.com/a.jpg", "#gallery img:nth-child(1)"),
          img("Our team at the 2024 offsite", "https://example.com/b.jpg", "#gallery img:nth-child(2)"),
          img("", "https://example.com/spacer.gif", "#x"),
          img(null, "https://example.com/c.jpg", "#y"),
        ],
      },
    });
    const r = failures(imageAltQuality, makeContext([page]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ selector: "#gallery img:nth-child(1)", key: "https://example.com/a.jpg", siteWide: true, severity: "medium" });
    expect(runCheck(imageAltQuality, makeContext([makePage({ dom: { images: [] } })]))).toBe("n/a");
  });
});

describe("a11y-heading-order", () => {
  it("fires when a level is skipped", () => {
    const page = makePage({ dom: { headings: [{ level: 1, text: "Shop" }, { level: 2, text: "New" }, { level: 4, text: "Socks" }] } });
    const r = failures(headingOrder, makeContext([page]));
    expect(r).toHaveLength(1);
    expect(r[0].evidence).toContain('h2 -> h4 "Socks"');
    expect(r[0].severity).toBe("low");
  });
  it("accepts ordered outlines, going back up, and a layout that starts at h2", () => {
    const page = makePage({ dom: { headings: [{ level: 2, text: "a" }, { level: 3, text: "b" }, { level: 2, text: "c" }, { level: 1, text: "d" }, { level: 2, text: "e" }] } });
    expect(failures(headingOrder, makeContext([page]))).toEqual([]);
  });
});
