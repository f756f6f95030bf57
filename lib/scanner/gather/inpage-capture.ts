// In-page probes for fingerprinting techniques and session capture, installed after INIT_SCRIPT (inpage.ts),
// whose window.__plumb they extend: WebGL renderer queries, AudioContext fingerprinting, font enumeration and
// more navigator properties go into its fingerprintApis list (so every check reading it sees them);
// document-wide capture hooks (mutation observers, mouse/scroll/key listeners on document or window) go into
// a list of their own. Plain JavaScript in a string for the same reason as inpage.ts.
import { z } from "zod";
import type { BehaviourProbes } from "../types";

/** Distinct font families one script must try before it counts as enumerating fonts. */
export const FONT_ENUMERATION_THRESHOLD = 10;

export const CAPTURE_INIT_SCRIPT = String.raw`(() => {
  const P = window.__plumb;
  if (!P || P.captureHooks) return;
  const hooks = [];
  Object.defineProperty(P, "captureHooks", { value: hooks, enumerable: false });
  const MAX = 100;
  const caller = () => {
    const lines = ((new Error()).stack || "").split("\n").slice(1);
    for (const line of lines) {
      const m = line.match(/((?:https?|file):\/\/[^\s()]+?):\d+:\d+/);
      if (m) return m[1];
    }
    return undefined;
  };
  const seen = new Set();
  const once = (list, item, key) => {
    if (list.length >= MAX || seen.has(key)) return;
    seen.add(key);
    list.push(item);
  };
  const api = (label) => { const s = caller(); once(P.fingerprintApis, { api: label, script: s }, "f|" + label + "|" + s); };
  const hook = (name) => { const s = caller(); once(hooks, { hook: name, script: s }, "h|" + name + "|" + s); };
  const wrap = (proto, name, record) => {
    try {
      const orig = proto && proto[name];
      if (typeof orig !== "function") return;
      Object.defineProperty(proto, name, {
        configurable: true, writable: true,
        value: function (...args) { try { record.call(this, args); } catch (e) {} return orig.apply(this, args); },
      });
    } catch (e) {}
  };
  const watchGetter = (proto, prop, label) => {
    try {
      const d = Object.getOwnPropertyDescriptor(proto, prop);
      if (!d || !d.get) return;
      Object.defineProperty(proto, prop, {
        configurable: true, enumerable: d.enumerable,
        get() { if (caller()) api(label); return d.get.call(this); },
      });
    } catch (e) {}
  };
  // WebGL: the unmasked GPU vendor/renderer and the extension list identify the graphics stack.
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    wrap(C.prototype, "getParameter", function (args) {
      if (args[0] === 0x9245) api("webgl.unmaskedVendor");
      else if (args[0] === 0x9246) api("webgl.unmaskedRenderer");
    });
    wrap(C.prototype, "getExtension", function (args) { if (String(args[0]) === "WEBGL_debug_renderer_info") api("webgl.debugRendererInfo"); });
    wrap(C.prototype, "getSupportedExtensions", function () { api("webgl.getSupportedExtensions"); });
    wrap(C.prototype, "getShaderPrecisionFormat", function () { api("webgl.getShaderPrecisionFormat"); });
  }
  // Scans run Chromium without a GPU, where getContext("webgl") may answer null and the queries above never
  // happen: a WebGL context asked for on a canvas outside the document is the attempt itself.
  if (window.HTMLCanvasElement) wrap(HTMLCanvasElement.prototype, "getContext", function (args) {
    if (/^(webgl2?|experimental-webgl)$/.test(String(args[0])) && !this.isConnected) api("webgl.detachedContext");
  });
  // AudioContext fingerprinting: render an oscillator through a compressor, read the samples back.
  for (const C of [window.AudioContext, window.OfflineAudioContext, window.webkitOfflineAudioContext]) {
    if (!C) continue;
    wrap(C.prototype, "createDynamicsCompressor", function () { api("audio.createDynamicsCompressor"); });
    wrap(C.prototype, "createOscillator", function () { api("audio.createOscillator"); });
  }
  if (window.AnalyserNode) wrap(AnalyserNode.prototype, "getFloatFrequencyData", function () { api("audio.getFloatFrequencyData"); });
  if (window.AudioBuffer) wrap(AudioBuffer.prototype, "getChannelData", function () { api("audio.getChannelData"); });
  // Font enumeration: one script trying many font families (canvas text, document.fonts.check, element styles).
  const fontsBy = new Map();
  const family = (v) => String(v || "").replace(/^.*?(\d+(\.\d+)?(px|pt|em|rem|%)\s+)/, "").split(",")[0].trim().replace(/^["']|["']$/g, "").toLowerCase();
  const tried = (v) => {
    const s = caller();
    const f = family(v);
    if (!s || !f || /^(serif|sans-serif|monospace|cursive|fantasy|system-ui|inherit|initial)$/.test(f)) return;
    let set = fontsBy.get(s);
    if (!set) { if (fontsBy.size >= 50) return; set = new Set(); fontsBy.set(s, set); }
    if (set.size < 500) set.add(f);
    if (set.size >= ${FONT_ENUMERATION_THRESHOLD}) api("fonts.enumeration");
  };
  const watchSetter = (proto, prop, record) => {
    try {
      const d = Object.getOwnPropertyDescriptor(proto, prop);
      if (!d || !d.set) return;
      Object.defineProperty(proto, prop, {
        configurable: true, enumerable: d.enumerable,
        get() { return d.get ? d.get.call(this) : undefined; },
        set(v) { try { record(v); } catch (e) {} d.set.call(this, v); },
      });
    } catch (e) {}
  };
  if (window.CanvasRenderingContext2D) watchSetter(CanvasRenderingContext2D.prototype, "font", tried);
  if (window.CSSStyleDeclaration) watchSetter(CSSStyleDeclaration.prototype, "fontFamily", tried);
  if (window.FontFaceSet) wrap(FontFaceSet.prototype, "check", function (args) { tried(args[0]); });
  // More navigator properties, for the property sweep (the core ones are watched by INIT_SCRIPT).
  for (const prop of ["vendor", "productSub", "appVersion", "cookieEnabled", "pdfViewerEnabled", "oscpu", "buildID"]) {
    watchGetter(Navigator.prototype, prop, "navigator." + prop);
  }
  // Session capture: whole-document observers and listeners any script installs.
  wrap(window.MutationObserver && MutationObserver.prototype, "observe", function (args) {
    const t = args[0];
    const o = args[1] || {};
    if (o.subtree && (t === document || t === document.documentElement || t === document.body)) hook("mutation-observer");
  });
  const KINDS = {
    mousemove: "mouse", mousedown: "mouse", mouseup: "mouse", click: "mouse", pointermove: "mouse", pointerdown: "mouse", touchstart: "mouse", touchmove: "mouse",
    scroll: "scroll", keydown: "keys", keyup: "keys", keypress: "keys", input: "keys",
  };
  wrap(EventTarget.prototype, "addEventListener", function (args) {
    const kind = KINDS[String(args[0])];
    if (kind && (this === window || this === document)) hook(kind);
  });
})();`;

/** Read after load; fingerprintApis come back through COLLECT_SCRIPT with the rest of window.__plumb. */
export const CAPTURE_COLLECT_SCRIPT = String.raw`() => {
  const P = window.__plumb;
  return { captureHooks: P && P.captureHooks ? P.captureHooks.slice(0, 100) : [] };
}`;

const captureSchema = z.object({
  captureHooks: z
    .array(
      z.object({
        hook: z.enum(["mutation-observer", "mouse", "scroll", "keys"]),
        script: z.string().max(2_000).optional().catch(undefined),
      }),
    )
    .max(100),
});

/** The page's answer is hostile data: anything that does not fit the shape counts as nothing gathered. */
export function parseCaptureHooks(value: unknown): NonNullable<BehaviourProbes["captureHooks"]> {
  const parsed = captureSchema.safeParse(value);
  return parsed.success ? parsed.data.captureHooks : [];
}
