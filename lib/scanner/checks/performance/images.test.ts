import { describe, expect, it } from "vitest";
import type { ImageFact } from "../../types";
import { failures, makeContext, makePage, makeRequest, runCheck } from "../shared/test-artifacts";
import { KiB } from "./format";
import { oversizedImages, unsizedImages, wastedBytes } from "./images";

const img = (o: Partial<ImageFact> = {}): ImageFact => ({
  src: "https://example.com/hero.jpg", selector: "main > img", alt: "Hero", width: 400, height: 300,
  naturalWidth: 400, naturalHeight: 300, displayWidth: 400, displayHeight: 300, ...o,
});

describe("perf-oversized-images", () => {
  it("estimates the bytes beyond a 2x rendering", () => {
    expect(wastedBytes(img({ naturalWidth: 800, naturalHeight: 600 }), 100_000)).toBe(0);
    expect(wastedBytes(img({ naturalWidth: 4000, naturalHeight: 3000 }), 1_000_000)).toBe(960_000);
  });
  it("flags a 4000px photo shown at 400px, keyed by URL, with request bytes", () => {
    const page = makePage({
      dom: { images: [img({ naturalWidth: 4000, naturalHeight: 3000 })] },
      requests: [makeRequest("https://example.com/hero.jpg", { resourceType: "image", transferBytes: 1200 * KiB })],
    });
    const r = failures(oversizedImages, makeContext([page]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ key: "https://example.com/hero.jpg", selector: "main > img", severity: "medium", siteWide: true });
    expect(r[0].fix).toContain("800x600");
  });
  it("leaves right-sized, retina, SVG, hidden and small-waste images alone", () => {
    const page = makePage({
      dom: {
        images: [
          img({ naturalWidth: 800, naturalHeight: 600 }),
          img({ src: "https://example.com/logo.svg", naturalWidth: 5000, naturalHeight: 5000 }),
          img({ src: "https://example.com/lazy.jpg", displayWidth: 0, displayHeight: 0, naturalWidth: 3000, naturalHeight: 2000 }),
          img({ src: "https://example.com/small.jpg", naturalWidth: 1000, naturalHeight: 750 }),
        ],
      },
      requests: [
        makeRequest("https://example.com/hero.jpg", { resourceType: "image", transferBytes: 90 * KiB }),
        makeRequest("https://example.com/small.jpg", { resourceType: "image", transferBytes: 30 * KiB }),
      ],
    });
    expect(failures(oversizedImages, makeContext([page]))).toEqual([]);
  });
});

describe("perf-unsized-images", () => {
  it("flags images with neither attributes nor CSS sizing; medium when the page shifted", () => {
    const unsized = img({ width: null, height: null, sizedByCss: false, selector: "article > img" });
    const calm = failures(unsizedImages, makeContext([makePage({ dom: { images: [unsized] } })]));
    expect(calm).toHaveLength(1);
    expect(calm[0]).toMatchObject({ selector: "article > img", key: "https://example.com/hero.jpg", siteWide: true, severity: "low" });
    const shifted = failures(unsizedImages, makeContext([makePage({ dom: { images: [unsized] }, performance: { cls: 0.3 } })]));
    expect(shifted[0].severity).toBe("medium");
  });
  it("accepts attribute- or CSS-sized images and does not judge when CSS sizing is unknown", () => {
    const page = makePage({ dom: { images: [img(), img({ width: null, height: null, sizedByCss: true })] } });
    expect(failures(unsizedImages, makeContext([page]))).toEqual([]);
    const unknown = makePage({ dom: { images: [img({ width: null, height: null })] } });
    expect(runCheck(unsizedImages, makeContext([unknown]))).toBe("n/a");
    const mixed = makePage({ dom: { images: [img(), img({ width: null, height: null })] } });
    expect(runCheck(unsizedImages, makeContext([mixed]))).toBe("n/a");
  });
});
