// Code that runs inside the scanned page. Kept as plain JavaScript strings (not TS functions) because
// transpilers add helpers (e.g. esbuild's __name) to functions, which do not exist in the page.

/**
 * Installed with evaluateOnNewDocument, before any page script: behaviour probes and performance observers.
 * Results live on a non-enumerable window.__plumb object that page scripts are unlikely to touch.
 */
export const INIT_SCRIPT = String.raw`(() => {
  if (window.__plumb) return;
  const P = { canvasReads: [], keyListeners: [], fingerprintApis: [], gpcRead: false, longTasks: [], lcp: null, fcp: null, cls: 0 };
  Object.defineProperty(window, "__plumb", { value: P, enumerable: false, configurable: false, writable: false });
  const MAX = 100;
  // The first stack frame with a URL is the page script calling us (this init script has no URL).
  const caller = () => {
    const stack = (new Error()).stack || "";
    const lines = stack.split("\n").slice(1);
    for (const line of lines) {
      const m = line.match(/((?:https?|file):\/\/[^\s()]+?):\d+:\d+/);
      if (m) return m[1];
    }
    return undefined;
  };
  const seen = new Set();
  const push = (list, item, dedupeKey) => {
    if (list.length >= MAX) return;
    if (dedupeKey) { if (seen.has(dedupeKey)) return; seen.add(dedupeKey); }
    list.push(item);
  };
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
  // Canvas reads: the core of canvas fingerprinting.
  const canvasRead = (method) => function () { const s = caller(); push(P.canvasReads, { method, script: s }, "c|" + method + "|" + s); };
  wrap(window.HTMLCanvasElement && HTMLCanvasElement.prototype, "toDataURL", canvasRead("toDataURL"));
  wrap(window.HTMLCanvasElement && HTMLCanvasElement.prototype, "toBlob", canvasRead("toBlob"));
  wrap(window.CanvasRenderingContext2D && CanvasRenderingContext2D.prototype, "getImageData", canvasRead("getImageData"));
  wrap(window.WebGLRenderingContext && WebGLRenderingContext.prototype, "readPixels", canvasRead("webgl.readPixels"));
  wrap(window.OffscreenCanvas && OffscreenCanvas.prototype, "convertToBlob", canvasRead("offscreen.convertToBlob"));
  // Key listeners on the document, window or form fields.
  const KEY_TYPES = new Set(["keydown", "keypress", "keyup", "input"]);
  const describe = (t) => {
    if (t === window) return "window";
    if (t === document) return "document";
    if (t && t.tagName) {
      const tag = t.tagName.toLowerCase();
      if (t.id) return tag + "#" + t.id;
      if (t.name) return tag + "[name=" + t.name + "]";
      return tag;
    }
    return "other";
  };
  wrap(EventTarget.prototype, "addEventListener", function (args) {
    const type = String(args[0]);
    if (!KEY_TYPES.has(type)) return;
    const target = describe(this);
    if (target === "other") return;
    const s = caller();
    push(P.keyListeners, { type, target, script: s }, "k|" + type + "|" + target + "|" + s);
  });
  for (const [obj, label] of [[window, "window"], [document, "document"]]) {
    for (const prop of ["onkeydown", "onkeypress", "onkeyup", "oninput"]) {
      try {
        const d = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(obj), prop) || Object.getOwnPropertyDescriptor(obj, prop);
        if (!d || !d.set) continue;
        Object.defineProperty(obj, prop, {
          configurable: true,
          get() { return d.get.call(this); },
          set(v) { const s = caller(); push(P.keyListeners, { type: prop.slice(2), target: label, script: s }, "k|" + prop + "|" + label + "|" + s); d.set.call(this, v); },
        });
      } catch (e) {}
    }
  }
  // Navigator/screen properties fingerprinting scripts read.
  const watchGetter = (proto, prop, label) => {
    try {
      const d = Object.getOwnPropertyDescriptor(proto, prop);
      if (!d || !d.get) return;
      Object.defineProperty(proto, prop, {
        configurable: true, enumerable: d.enumerable,
        get() { const s = caller(); if (s) push(P.fingerprintApis, { api: label, script: s }, "f|" + label + "|" + s); return d.get.call(this); },
      });
    } catch (e) {}
  };
  for (const prop of ["plugins", "mimeTypes", "hardwareConcurrency", "deviceMemory", "webdriver", "languages", "platform", "maxTouchPoints", "connection", "userAgentData", "doNotTrack"]) {
    watchGetter(Navigator.prototype, prop, "navigator." + prop);
  }
  for (const prop of ["colorDepth", "pixelDepth", "availWidth", "availHeight"]) watchGetter(Screen.prototype, prop, "screen." + prop);
  if (window.OfflineAudioContext) {
    wrap(OfflineAudioContext.prototype, "startRendering", function () { const s = caller(); push(P.fingerprintApis, { api: "OfflineAudioContext.startRendering", script: s }, "f|audio|" + s); });
  }
  // document.cookie writes: which script set which cookie (the CDP cookie jar does not say).
  P.cookieWrites = [];
  try {
    const d = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
    if (d && d.set && d.get) {
      Object.defineProperty(Document.prototype, "cookie", {
        configurable: true, enumerable: d.enumerable,
        get() { return d.get.call(this); },
        set(v) { const s = caller(); const name = String(v).split("=")[0].trim(); push(P.cookieWrites, { name, script: s }, "w|" + name + "|" + s); d.set.call(this, v); },
      });
    }
  } catch (e) {}
  // Global Privacy Control: record whether the page ever looks at it.
  try {
    const d = Object.getOwnPropertyDescriptor(Navigator.prototype, "globalPrivacyControl");
    Object.defineProperty(Navigator.prototype, "globalPrivacyControl", {
      configurable: true, enumerable: true,
      get() { P.gpcRead = true; return d && d.get ? d.get.call(this) : undefined; },
    });
  } catch (e) {}
  // Performance observers registered before the page runs, so nothing is missed. Chrome hands entries to an
  // observer's callback in a low-priority task, which a busy machine can postpone past our collection; P.flush
  // drains what is still queued (takeRecords) through the same handlers.
  const flushers = [];
  const observe = (type, handle) => {
    try {
      const o = new PerformanceObserver((l) => handle(l.getEntries()));
      o.observe({ type, buffered: true });
      flushers.push(() => handle(o.takeRecords()));
    } catch (e) {}
  };
  observe("largest-contentful-paint", (entries) => { for (const e of entries) P.lcp = e.renderTime || e.loadTime || e.startTime; });
  // CLS: the largest session window (gap < 1 s, window < 5 s) of shifts without recent input.
  let win = 0, first = 0, last = 0;
  observe("layout-shift", (entries) => {
    for (const e of entries) {
      if (e.hadRecentInput) continue;
      if (win && e.startTime - last < 1000 && e.startTime - first < 5000) { win += e.value; last = e.startTime; }
      else { win = e.value; first = last = e.startTime; }
      if (win > P.cls) P.cls = win;
    }
  });
  observe("longtask", (entries) => { for (const e of entries) if (P.longTasks.length < 500) P.longTasks.push({ start: e.startTime, duration: e.duration }); });
  observe("paint", (entries) => { for (const e of entries) if (e.name === "first-contentful-paint") P.fcp = e.startTime; });
  Object.defineProperty(P, "flush", { value: () => { for (const f of flushers) { try { f(); } catch (e) {} } }, enumerable: false });
})();`;

/** Globals left by session-replay tools (only tools whose main purpose is recording sessions). */
export const SESSION_REPLAY_GLOBALS = [
  "hj", "_hjSettings", "hjSiteSettings", "FS", "_fs_namespace", "LogRocket", "_lr_loaded", "mouseflow", "_mfq",
  "smartlook", "clarity", "__insp", "__inspld", "SessionCamRecorder", "QuantumMetricAPI", "_uxa", "CS_CONF",
  "__lo_site_id", "LOQ", "CE2", "decibelInsight", "SessionStack", "_hjRecordingEnabled",
];

/**
 * Evaluated after load: returns { dom, perf, probes } as JSON-safe data. The argument is the caps object.
 * Selectors are path-based (tag:nth-of-type) so the same element on pages of one template gets one selector.
 */
export const COLLECT_SCRIPT = String.raw`(caps) => {
  const cap = (s, n) => { s = s == null ? "" : String(s); return s.length > n ? s.slice(0, n) : s; };
  const abs = (u) => { try { return new URL(u, document.baseURI).href; } catch (e) { return String(u || ""); } };
  const selectorOf = (el) => {
    if (!el || el.nodeType !== 1) return "";
    if (el.id && /^[A-Za-z][\w-]*$/.test(el.id) && document.querySelectorAll("#" + el.id).length === 1) return "#" + el.id;
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && node !== document.documentElement && parts.length < 6) {
      if (node.id && /^[A-Za-z][\w-]*$/.test(node.id)) { parts.unshift("#" + node.id); break; }
      let part = node.tagName.toLowerCase();
      const parent = node.parentElement;
      if (parent) {
        const same = Array.from(parent.children).filter((c) => c.tagName === node.tagName);
        if (same.length > 1) part += ":nth-of-type(" + (same.indexOf(node) + 1) + ")";
      }
      parts.unshift(part);
      node = node.parentElement;
    }
    return parts.join(" > ");
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const st = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && st.visibility !== "hidden" && st.display !== "none" && Number(st.opacity) > 0;
  };
  const meta = (name) => { const el = document.querySelector('meta[name="' + name + '" i]'); return el ? el.getAttribute("content") : null; };
  const metaCspEl = document.querySelector('meta[http-equiv="content-security-policy" i]');
  const canonicals = document.querySelectorAll('link[rel~="canonical" i]');
  const headings = Array.from(document.querySelectorAll("h1,h2,h3,h4,h5,h6")).slice(0, caps.headings).map((h) => ({ level: Number(h.tagName[1]), text: cap((h.textContent || "").trim().replace(/\s+/g, " "), 200) }));
  const links = [];
  for (const a of Array.from(document.querySelectorAll("a[href]"))) {
    if (links.length >= caps.links) break;
    const href = a.href;
    if (!/^https?:/i.test(href)) continue;
    let sameOrigin = false;
    try { sameOrigin = new URL(href).origin === location.origin; } catch (e) {}
    const rel = a.getAttribute("rel") || undefined;
    const alts = Array.from(a.querySelectorAll("img[alt]")).map((i) => (i.getAttribute("alt") || "").trim()).filter(Boolean);
    links.push({
      href: cap(href, 2000),
      text: cap((a.innerText || a.textContent || "").trim().replace(/\s+/g, " "), 200),
      imageAlt: cap(alts.join(" "), 200),
      rel,
      ariaLabel: a.getAttribute("aria-label") || undefined,
      title: a.getAttribute("title") || undefined,
      sameOrigin,
      nofollow: rel ? /\bnofollow\b/i.test(rel) : undefined,
    });
  }
  const forms = Array.from(document.forms).slice(0, 50).map((f) => ({
    action: abs(f.getAttribute("action") || location.href),
    method: (f.getAttribute("method") || "get").toLowerCase(),
    hasPassword: !!f.querySelector('input[type="password" i]'),
    selector: selectorOf(f),
  }));
  // Password fields outside any <form> still matter for "password over HTTP".
  const loosePw = Array.from(document.querySelectorAll('input[type="password" i]')).filter((i) => !i.form);
  if (loosePw.length) forms.push({ action: location.href, method: "post", hasPassword: true, selector: selectorOf(loosePw[0]) });
  const numAttr = (el, n) => { const v = el.getAttribute(n); if (v == null || v.trim() === "") return null; const x = parseFloat(v); return isFinite(x) ? x : null; };
  // Whether the layout reserves the image's box before it loads (no shift when it arrives). Computed width
  // and height are used values once laid out, so the specified values of the matching CSS rules decide.
  // The rules that size anything are collected once; only images without width/height attributes ask.
  let sizingRules = null;
  const collectSizingRules = () => {
    const out = [];
    for (const sheet of Array.from(document.styleSheets)) {
      let rules;
      try { rules = sheet.cssRules; } catch (e) { continue; } // cross-origin sheet: unreadable
      for (const rule of Array.from(rules || [])) {
        if (!rule.selectorText || !rule.style) continue;
        const width = rule.style.getPropertyValue("width");
        const height = rule.style.getPropertyValue("height");
        if (width || height) out.push({ selector: rule.selectorText, width, height });
        if (out.length >= 2000) return out;
      }
    }
    return out;
  };
  const cssSized = (img) => {
    const st = getComputedStyle(img);
    if (st.position === "absolute" || st.position === "fixed") return true;
    if (st.aspectRatio && st.aspectRatio !== "auto" && !/^auto\b/.test(st.aspectRatio)) return true;
    sizingRules = sizingRules || collectSizingRules();
    // Later rules win (source order; specificity is not weighed), the style attribute over all of them.
    let width = "";
    let height = "";
    for (const r of sizingRules) {
      let matches = false;
      try { matches = img.matches(r.selector); } catch (e) {}
      if (!matches) continue;
      if (r.width) width = r.width;
      if (r.height) height = r.height;
    }
    if (img.style && img.style.getPropertyValue("width")) width = img.style.getPropertyValue("width");
    if (img.style && img.style.getPropertyValue("height")) height = img.style.getPropertyValue("height");
    const fixed = (v) => v !== "" && v !== "auto" && !/^(min|max|fit)-content/.test(v);
    return fixed(width) && fixed(height);
  };
  const images = Array.from(document.images).slice(0, caps.images).map((img) => {
    const r = img.getBoundingClientRect();
    return {
      src: cap(img.currentSrc || img.src, 2000), selector: selectorOf(img), alt: img.getAttribute("alt"),
      width: numAttr(img, "width"), height: numAttr(img, "height"),
      naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
      displayWidth: Math.round(r.width), displayHeight: Math.round(r.height),
      loading: img.getAttribute("loading") || undefined,
      // Only asked where the attributes do not already reserve the box (the check's own condition).
      sizedByCss: numAttr(img, "width") !== null && numAttr(img, "height") !== null ? undefined : cssSized(img),
    };
  });
  const scripts = Array.from(document.scripts).slice(0, caps.scripts).map((s) => ({
    src: s.src ? cap(s.src, 2000) : undefined,
    inline: !s.src,
    integrity: s.integrity || undefined,
    crossorigin: s.getAttribute("crossorigin") == null ? undefined : s.getAttribute("crossorigin"),
    async: !!s.async, defer: !!s.defer,
    type: s.getAttribute("type") || undefined,
    inlineText: s.src ? undefined : cap(s.textContent, caps.inlineScript),
  }));
  const stylesheets = Array.from(document.querySelectorAll('link[rel~="stylesheet" i]')).slice(0, 100).map((l) => ({
    href: cap(l.href, 2000), integrity: l.integrity || undefined, media: l.getAttribute("media") || undefined,
  }));
  const iframes = Array.from(document.querySelectorAll("iframe")).slice(0, 50).map((f) => ({ src: cap(f.src, 2000), sandbox: f.hasAttribute("sandbox") ? f.getAttribute("sandbox") : undefined }));
  const privacyLinks = [];
  for (const a of Array.from(document.querySelectorAll("a[href]"))) {
    const text = (a.innerText || a.textContent || "").trim().replace(/\s+/g, " ");
    const hay = text + " " + a.getAttribute("href");
    if (/privacy|datenschutz|confidentialit|privacidad|privacit|privé|cookie.?(policy|notice|statement)|gdpr|rgpd/i.test(hay)) {
      privacyLinks.push(cap(text || a.href, 200));
      if (privacyLinks.length >= 20) break;
    }
  }
  let consentBanner = null;
  const bannerRe = /cookie|consent|gdpr|privacy-banner|cmp|onetrust|didomi|cookiebot|usercentrics|klaro|tarteaucitron|iubenda|termly|osano|quantcast/i;
  const candidates = Array.from(document.querySelectorAll("body *")).filter((el) => {
    const idc = (el.id || "") + " " + (typeof el.className === "string" ? el.className : "") + " " + (el.getAttribute("aria-label") || "");
    const role = el.getAttribute("role");
    return bannerRe.test(idc) || ((role === "dialog" || role === "alertdialog" || el.tagName === "DIALOG") && /cookie|consent/i.test(el.textContent || ""));
  }).slice(0, 50);
  for (const el of candidates) {
    const text = (el.innerText || "").trim();
    if (visible(el) && /cookie|consent|track|privacy|datenschutz/i.test(text)) { consentBanner = { selector: selectorOf(el), text: cap(text.replace(/\s+/g, " "), 300) }; break; }
  }
  const html = document.documentElement ? document.documentElement.outerHTML : "";
  const dom = {
    title: document.querySelector("title") ? cap(document.title, 500) : null,
    titleCount: document.querySelectorAll("head title").length || document.querySelectorAll("title").length,
    lang: document.documentElement.getAttribute("lang"),
    metaDescription: meta("description"),
    metaRobots: meta("robots"),
    metaViewport: meta("viewport"),
    metaReferrer: meta("referrer"),
    metaCsp: metaCspEl ? metaCspEl.getAttribute("content") : null,
    canonical: canonicals.length ? canonicals[0].href : null,
    canonicalCount: canonicals.length,
    hreflangs: Array.from(document.querySelectorAll('link[rel~="alternate" i][hreflang]')).slice(0, 200).map((l) => ({ hreflang: cap(l.getAttribute("hreflang") || "", 50), href: cap(l.href, 2000) })),
    headings,
    h1Count: document.querySelectorAll("h1").length,
    links, forms, images, scripts, stylesheets, iframes, privacyLinks, consentBanner,
    textSample: cap((document.body && document.body.innerText || "").replace(/\s+/g, " ").trim(), caps.text),
    htmlBytes: html.length,
    html: cap(html, caps.html),
  };
  const nav = performance.getEntriesByType("navigation")[0];
  const P = window.__plumb || { canvasReads: [], keyListeners: [], fingerprintApis: [], gpcRead: false, longTasks: [], lcp: null, fcp: null, cls: 0 };
  if (typeof P.flush === "function") P.flush();
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const perf = {
    ttfb: nav ? nav.responseStart - nav.startTime : null,
    fcp: P.fcp != null ? P.fcp : (paint ? paint.startTime : null),
    lcp: P.lcp,
    cls: P.cls,
    domContentLoaded: nav && nav.domContentLoadedEventEnd > 0 ? nav.domContentLoadedEventEnd : null,
    load: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null,
    longTasks: P.longTasks.slice(0, 500),
  };
  const sessionReplayGlobals = caps.replayGlobals.filter((g) => { try { return typeof window[g] !== "undefined"; } catch (e) { return false; } });
  return { dom, perf, cookieWrites: P.cookieWrites || [], probes: { canvasReads: P.canvasReads, keyListeners: P.keyListeners, fingerprintApis: P.fingerprintApis, gpcRead: P.gpcRead, sessionReplayGlobals } };
}`;

/** A visible text field to type into for the key-logging probe, or null. */
export const FIND_TEXT_INPUT_SCRIPT = String.raw`() => {
  const els = Array.from(document.querySelectorAll('input:not([type]), input[type="text" i], input[type="email" i], input[type="search" i], input[type="tel" i], textarea'));
  for (const el of els) {
    const r = el.getBoundingClientRect();
    const st = getComputedStyle(el);
    if (r.width > 0 && r.height > 0 && st.visibility !== "hidden" && st.display !== "none" && !el.disabled && !el.readOnly) {
      el.setAttribute("data-plumb-probe", "1");
      return '[data-plumb-probe="1"]';
    }
  }
  return null;
}`;

/** Runs axe-core (already injected) with the given tags; returns only JSON-safe, capped data. */
export const AXE_RUN_SCRIPT = String.raw`async (tags) => {
  const cap = (s, n) => { s = s == null ? "" : String(s); return s.length > n ? s.slice(0, n) : s; };
  const r = await window.__plumbAxe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], iframes: false, elementRef: false });
  return {
    violations: r.violations.map((v) => ({
      id: v.id, impact: v.impact || null, description: v.description, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
      nodes: v.nodes.slice(0, 25).map((n) => ({ target: n.target.map((t) => Array.isArray(t) ? t.join(" ") : String(t)), html: cap(n.html, 500), failureSummary: n.failureSummary ? cap(n.failureSummary, 1000) : undefined })),
    })),
    passes: r.passes.map((p) => p.id),
    incomplete: r.incomplete.map((p) => p.id),
    inapplicable: r.inapplicable.map((p) => p.id),
  };
}`;

/** Wraps axe.source so an AMD/CommonJS loader on the page cannot swallow it; exposes it as __plumbAxe. */
export function axeInjection(source: string): string {
  return `(function(){ var define = undefined, module = undefined, exports = undefined; ${source}\n;window.__plumbAxe = window.axe; })();`;
}
