// The browser side of device profiles (lib/scanner/devices.ts): emulation of the screen, user agent and touch
// before the navigation, the CPU slowdown around the load, and the in-page probe of what depends on the
// screen (tap targets, content wider than the viewport). gatherPage calls these three hooks.
import type { CDPSession, Page } from "puppeteer-core";
import { z } from "zod";
import type { DeviceProfile } from "../devices";
import type { DeviceArtifact } from "../types";

/** The scanning Chromium's version ("131.0.6778.85"), for the profile's user agent. */
async function chromeVersion(page: Page): Promise<string> {
  const v = await page.browser().version();
  return v.match(/(\d+\.\d+\.\d+\.\d+)/)?.[1] ?? "130.0.0.0";
}

/** Screen, DPR, mobile mode, touch and user agent (with matching client hints), before the first request. */
export async function emulateDevice(page: Page, cdp: CDPSession, profile: DeviceProfile): Promise<void> {
  await page.setViewport({
    width: profile.width,
    height: profile.height,
    deviceScaleFactor: profile.deviceScaleFactor,
    // Never Chrome's `isMobile` mode, even for the phone profile: in headless Chromium it hides layout shifts from
    // PerformanceObserver (a 320 px banner inserted above the content measured CLS 0 with it, 0.34 without). The
    // 412 px window, DPR, touch and the Android user agent and client hints still lay pages out as on a phone.
    isMobile: false,
    hasTouch: profile.touch,
  });
  const version = await chromeVersion(page);
  const major = version.split(".")[0];
  await cdp.send("Emulation.setUserAgentOverride", {
    userAgent: profile.userAgent.replace("{version}", version),
    userAgentMetadata: {
      brands: [
        { brand: "Chromium", version: major },
        { brand: "Not_A Brand", version: "24" },
      ],
      fullVersion: version,
      platform: profile.platform,
      platformVersion: profile.platformVersion,
      architecture: profile.mobile ? "" : "x86",
      model: profile.model,
      mobile: profile.mobile,
    },
  });
}

/**
 * Slows the renderer for the load; the returned function lifts it (idempotent). Measured metrics (FCP, LCP,
 * TBT) are recorded by then; axe and the probes afterwards run unthrottled.
 */
export async function throttleLoad(cdp: CDPSession, profile: DeviceProfile): Promise<() => Promise<void>> {
  if (profile.cpuSlowdown <= 1) return async () => undefined;
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuSlowdown });
  let lifted = false;
  return async () => {
    if (lifted) return;
    lifted = true;
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 }).catch(() => undefined);
  };
}

const MAX_TARGETS = 400;
const MAX_REPORTED = 30;

/**
 * Runs in the page. Plain JavaScript in a string (see inpage.ts for why). Tap targets follow Lighthouse's
 * idea: a target smaller than 48×48 CSS px whose 48 px "finger" box, centred on it, touches another target
 * can be hit by mistake; links inside a sentence are exempt. Content width: the document is wider than the layout viewport (sideways scrolling
 * or a zoomed-out page on a phone).
 */
export const DEVICE_PROBE_SCRIPT = String.raw`(caps) => {
  const FINGER = 48;
  const sel = (el) => {
    if (el.id) return el.tagName.toLowerCase() + "#" + CSS.escape(el.id);
    const parts = [];
    let e = el;
    for (let i = 0; e && e.nodeType === 1 && i < 4; i++, e = e.parentElement) {
      let p = e.tagName.toLowerCase();
      if (e.id) { parts.unshift(p + "#" + CSS.escape(e.id)); break; }
      const cls = [...e.classList].slice(0, 2).map((c) => "." + CSS.escape(c)).join("");
      p += cls;
      const parent = e.parentElement;
      if (parent) {
        const same = [...parent.children].filter((c) => c.tagName === e.tagName);
        if (same.length > 1) p += ":nth-of-type(" + (same.indexOf(e) + 1) + ")";
      }
      parts.unshift(p);
    }
    return parts.join(" > ");
  };
  const visible = (el, r) => {
    if (r.width <= 0 || r.height <= 0) return false;
    const s = getComputedStyle(el);
    return s.visibility !== "hidden" && s.display !== "none" && Number(s.opacity) > 0;
  };
  // A link inside a sentence is sized by the text around it (WCAG 2.5.8's inline exception; Lighthouse skips
  // targets in text blocks too): only targets standing on their own are judged.
  const inText = (el) => {
    const parent = el.parentElement;
    if (!parent) return false;
    for (const n of parent.childNodes) if (n.nodeType === 3 && n.textContent.trim().length > 1) return true;
    return false;
  };
  const sx = window.scrollX, sy = window.scrollY;
  const nodes = [...document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [onclick]')].slice(0, caps.maxTargets);
  const targets = [];
  for (const el of nodes) {
    if (el.closest("[aria-hidden=true]") || el.disabled || inText(el)) continue;
    const r = el.getBoundingClientRect();
    if (!visible(el, r)) continue;
    targets.push({ el, x: r.left + sx, y: r.top + sy, w: r.width, h: r.height });
  }
  const hits = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const small = [];
  let tooCloseCount = 0;
  for (const t of targets) {
    if (t.w >= FINGER && t.h >= FINGER) continue;
    const cx = t.x + t.w / 2, cy = t.y + t.h / 2;
    const finger = { x: cx - FINGER / 2, y: cy - FINGER / 2, w: FINGER, h: FINGER };
    let near = null;
    for (const o of targets) {
      if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) continue;
      if (hits(finger, o)) { near = o; break; }
    }
    if (!near) continue;
    tooCloseCount++;
    if (small.length < caps.maxReported) {
      small.push({
        selector: sel(t.el).slice(0, 300),
        text: ((t.el.innerText || t.el.value || t.el.getAttribute("aria-label") || "") + "").trim().slice(0, 80),
        width: Math.round(t.w), height: Math.round(t.h),
        near: sel(near.el).slice(0, 300),
      });
    }
  }
  const de = document.documentElement;
  const layoutWidth = de.clientWidth;
  const scrollWidth = Math.max(de.scrollWidth, document.body ? document.body.scrollWidth : 0);
  const wide = [];
  if (scrollWidth > layoutWidth + 1) {
    for (const el of document.body ? document.body.querySelectorAll("*") : []) {
      if (wide.length >= 5) break;
      const r = el.getBoundingClientRect();
      if (r.right + sx > layoutWidth + 1 && r.width > 0 && (!el.parentElement || el.parentElement.getBoundingClientRect().right + sx <= layoutWidth + 1)) {
        wide.push({ selector: sel(el).slice(0, 300), width: Math.round(r.width), right: Math.round(r.right + sx) });
      }
    }
  }
  return {
    viewport: { width: window.innerWidth, height: window.innerHeight, layoutWidth, scrollWidth },
    touchPoints: navigator.maxTouchPoints || 0,
    userAgent: navigator.userAgent.slice(0, 300),
    tapTargets: { checked: targets.length, tooClose: small, tooCloseCount },
    overflowing: wide,
  };
}`;

const probeSchema = z.object({
  viewport: z.object({ width: z.number(), height: z.number(), layoutWidth: z.number(), scrollWidth: z.number() }),
  touchPoints: z.number(),
  userAgent: z.string().max(300),
  tapTargets: z.object({
    checked: z.number().int().nonnegative(),
    tooClose: z
      .array(z.object({ selector: z.string().max(300), text: z.string().max(80), width: z.number(), height: z.number(), near: z.string().max(300) }))
      .max(MAX_REPORTED),
    tooCloseCount: z.number().int().nonnegative(),
  }),
  overflowing: z.array(z.object({ selector: z.string().max(300), width: z.number(), right: z.number() })).max(5),
});

/** What the page looks like on this device's screen; the page's output is hostile, so it is validated. */
export async function probeDevice(page: Page, profile: DeviceProfile): Promise<DeviceArtifact> {
  const raw: unknown = await page.evaluate(`(${DEVICE_PROBE_SCRIPT})(${JSON.stringify({ maxTargets: MAX_TARGETS, maxReported: MAX_REPORTED })})`);
  const p = probeSchema.parse(raw);
  return {
    name: profile.name,
    touch: profile.touch,
    mobile: profile.mobile,
    screenWidth: profile.width,
    viewport: p.viewport,
    touchPoints: p.touchPoints,
    userAgent: p.userAgent,
    tapTargets: p.tapTargets,
    overflowing: p.overflowing,
  };
}
