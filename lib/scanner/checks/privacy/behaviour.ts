// JavaScript behaviour probes: canvas/device fingerprinting, key logging, session recording.
import { trackerForHost, trackerForUrl } from "../../data/trackers";
import type { CheckDefinition, CheckResult, PageArtifacts } from "../../types";
import { analyzablePages, fail, listPreview } from "../shared/result";
import { hostOf, isThirdPartyUrl, registrableDomain, urlWithoutQuery } from "../shared/web";
import { trackersOnSite } from "../trackers/match";
import { fingerprintingScripts } from "./fingerprinting";

/** Scripts that read a canvas for feature detection, not identification. */
const BENIGN_CANVAS_SCRIPTS = /wp-emoji|twemoji|emoji-?support|modernizr|pdf\.js|pdfjs|fabric(\.min)?\.js|chart(\.min)?\.js|html2canvas/i;

function scriptLabel(script: string | undefined): string {
  return script ? urlWithoutQuery(script) : "an unidentified script";
}

export const canvasFingerprinting: CheckDefinition = {
  rule: "canvas-fingerprinting",
  pillar: "privacy",
  severity: "high",
  weight: 4,
  title: "Canvas fingerprinting",
  scope: "page",
  run(ctx) {
    const page = ctx.page && ctx.page.status !== null ? ctx.page : null;
    if (!page) return "n/a";
    const base = page.finalUrl || page.url;
    const apisBy = new Map<string, Set<string>>();
    for (const f of page.behaviour.fingerprintApis) {
      const k = f.script ? urlWithoutQuery(f.script) : "";
      apisBy.set(k, (apisBy.get(k) ?? new Set()).add(f.api));
    }
    const flagged = new Map<string, { methods: Set<string>; reason: string }>();
    // Scripts combining several techniques are reported once, by fingerprinting-script.
    const combined = new Set(fingerprintingScripts(page).map((s) => s.script));
    for (const read of page.behaviour.canvasReads) {
      const script = read.script ? urlWithoutQuery(read.script) : "";
      if (script && BENIGN_CANVAS_SCRIPTS.test(script)) continue;
      if (combined.has(script)) continue;
      const apis = apisBy.get(script)?.size ?? 0;
      const thirdParty = script !== "" && isThirdPartyUrl(script, base);
      let reason: string | null = null;
      if (thirdParty) reason = `a third-party script (${hostOf(script)}) read pixels back from a canvas during page load`;
      else if (apis >= 3) reason = `the same script also read ${apis} device properties used for fingerprinting`;
      if (!reason) continue;
      const entry = flagged.get(script) ?? { methods: new Set<string>(), reason };
      entry.methods.add(read.method);
      flagged.set(script, entry);
    }
    const out: CheckResult[] = [];
    for (const [script, e] of flagged) {
      const tracker = script ? trackerForUrl(script) : undefined;
      out.push(
        fail(canvasFingerprinting, {
          url: page.url,
          key: script ? hostOf(script) : "unknown-script",
          siteWide: true,
          title: `Canvas fingerprinting by ${tracker?.name ?? (script ? hostOf(script) : "a script")}`,
          description: `${scriptLabel(script || undefined)} draws on an invisible canvas and reads the pixels back (${[...e.methods].join(", ")}): ${e.reason}. Tiny rendering differences between devices turn that image into an identifier that survives cookie deletion and private browsing — tracking the visitor cannot see or refuse.`,
          fix: "Remove the script, or if it is fraud/bot protection, load it only where needed (login, checkout), disclose it in the privacy policy and don't reuse the identifier for marketing. Under the ePrivacy Directive fingerprinting needs consent unless strictly necessary.",
          evidence: `Script: ${scriptLabel(script || undefined)}\nCanvas reads: ${[...e.methods].join(", ")}\nFingerprint APIs read by it: ${[...(apisBy.get(script) ?? [])].join(", ") || "none recorded"}`,
        }),
      );
    }
    return out;
  },
};

export const deviceFingerprinting: CheckDefinition = {
  rule: "browser-fingerprinting",
  pillar: "privacy",
  severity: "medium",
  weight: 2,
  title: "Third-party script collects device characteristics",
  scope: "page",
  run(ctx) {
    const page = ctx.page && ctx.page.status !== null ? ctx.page : null;
    if (!page) return "n/a";
    const base = page.finalUrl || page.url;
    const canvasScripts = new Set(page.behaviour.canvasReads.map((r) => (r.script ? urlWithoutQuery(r.script) : "")));
    for (const s of fingerprintingScripts(page)) canvasScripts.add(s.script); // reported by fingerprinting-script
    const apisBy = new Map<string, Set<string>>();
    for (const f of page.behaviour.fingerprintApis) {
      if (!f.script || !isThirdPartyUrl(f.script, base)) continue;
      const k = urlWithoutQuery(f.script);
      apisBy.set(k, (apisBy.get(k) ?? new Set()).add(f.api));
    }
    const out: CheckResult[] = [];
    for (const [script, apis] of apisBy) {
      // Feature detection touches one or two properties; identification needs many.
      if (apis.size < 5 || canvasScripts.has(script)) continue;
      out.push(
        fail(deviceFingerprinting, {
          url: page.url,
          key: hostOf(script),
          siteWide: true,
          description: `${script} reads ${apis.size} device and browser properties (${[...apis].slice(0, 12).join(", ")}) at load. Combined, they form a near-unique fingerprint that identifies the visitor without cookies.`,
          fix: "Find out why the vendor collects these (bot detection, ad fraud, tracking). Remove it, or restrict it to the pages that need it and disclose it in your privacy policy.",
          evidence: `Script: ${script}\nAPIs: ${[...apis].join(", ")}`,
        }),
      );
    }
    return out;
  },
};

export const keyLogging: CheckDefinition = {
  rule: "key-logging",
  pillar: "privacy",
  severity: "high",
  weight: 4,
  title: "Typed input sent to a third party before submit",
  scope: "page",
  run(ctx) {
    const page = ctx.page && ctx.page.status !== null ? ctx.page : null;
    if (!page) return "n/a";
    if (page.behaviour.typingProbeRan === false) return "n/a"; // no text field to type into
    const base = page.finalUrl || page.url;
    const listenerDomains = new Set(
      page.behaviour.keyListeners
        .filter((l) => l.script && isThirdPartyUrl(l.script, base))
        .map((l) => registrableDomain(hostOf(l.script!))),
    );
    // Scripts listening to every key on the page (document or window), whoever serves them.
    const globalKeyScripts = new Set(
      [
        ...page.behaviour.keyListeners.filter((l) => l.target === "document" || l.target === "window").map((l) => l.script),
        ...(page.behaviour.captureHooks ?? []).filter((h) => h.hook === "keys").map((h) => h.script),
      ]
        .filter((s): s is string => Boolean(s))
        .map(urlWithoutQuery),
    );
    const byHost = new Map<string, { bytes: number; urls: Set<string>; typed: boolean }>();
    for (const x of page.behaviour.exfiltrationAfterTyping) {
      // Your own autocomplete/search is fine; your own script capturing every keystroke and sending the text is not.
      const firstPartyCapture = x.containsTyped === true && Boolean(x.initiatorUrl && globalKeyScripts.has(urlWithoutQuery(x.initiatorUrl)));
      if (!(x.thirdParty ?? isThirdPartyUrl(x.url, base)) && !firstPartyCapture) continue;
      const host = hostOf(x.url);
      const e = byHost.get(host) ?? { bytes: 0, urls: new Set(), typed: false };
      e.bytes += x.bytes;
      e.urls.add(urlWithoutQuery(x.url));
      if (x.containsTyped) e.typed = true;
      byHost.set(host, e);
    }
    const out: CheckResult[] = [];
    for (const [host, e] of byHost) {
      const tracker = trackerForHost(host);
      const sameAsListener = listenerDomains.has(registrableDomain(host));
      const captures = sameAsListener || tracker?.category === "session_replay";
      const name = tracker?.name ?? host;
      // Typed text seen in the request is proof; a key-listening vendor (or a session recorder, which
      // compresses what it sends) receiving data while typing is strong evidence; anything else is only a
      // request that happened while typing (e.g. an analytics "form_start" event) and stays low.
      const severity = e.typed || captures ? "high" : "low";
      out.push(
        fail(keyLogging, {
          url: page.url,
          key: host,
          siteWide: true,
          severity,
          title: e.typed
            ? `Typed input sent to ${name} before submit`
            : captures
              ? `Keystrokes captured by ${name} before submit`
              : `Requests to ${name} while the visitor types`,
          description: e.typed || captures
            ? `While text was typed into a form field — before anything was submitted — the page sent ${e.bytes} bytes to ${host}${tracker ? ` (${tracker.name}, ${tracker.category})` : ""}${e.typed ? ", containing the typed text itself" : ""}${sameAsListener ? "; its script listens to key events on the page" : ""}. Visitors expect what they type to leave only when they press Submit; capturing abandoned input (emails, phone numbers, messages) is how 'form leak' trackers work.`
            : `While text was typed into a form field, the page sent ${e.bytes} bytes to ${host}${tracker ? ` (${tracker.name}, ${tracker.category})` : ""}. The typed text was not found in the requests, so this may only be an interaction event — but the third party learns that, and when, the visitor filled the form.`,
          fix: "Find the script listening on key/input events (browser devtools > Event Listeners) and remove it or disable its form/keystroke capture (session-replay tools: mask all inputs; marketing tools: turn off 'collect non-submitted forms').",
          evidence: `Destination: ${listPreview([...e.urls], 5)}\nBytes sent after typing: ${e.bytes}\nThird-party key listeners: ${listPreview(page.behaviour.keyListeners.filter((l) => l.script && isThirdPartyUrl(l.script, base)).map((l) => `${l.type} on ${l.target} by ${urlWithoutQuery(l.script!)}`), 5) || "none recorded"}`,
        }),
      );
    }
    return out;
  },
};

const REPLAY_GLOBALS: Record<string, string> = {
  hj: "Hotjar",
  _hjSettings: "Hotjar",
  hjSiteSettings: "Hotjar",
  _hjRecordingEnabled: "Hotjar",
  _lr_loaded: "LogRocket",
  __inspld: "Inspectlet",
  SessionCamRecorder: "SessionCam (Glassbox)",
  CS_CONF: "Contentsquare",
  LOQ: "Lucky Orange",
  decibelInsight: "Decibel (Medallia DXA)",
  FS: "FullStory",
  _fs_namespace: "FullStory",
  _mfq: "Mouseflow",
  mouseflow: "Mouseflow",
  LogRocket: "LogRocket",
  clarity: "Microsoft Clarity",
  smartlook: "Smartlook",
  __insp: "Inspectlet",
  __lo_site_id: "Lucky Orange",
  CE2: "Crazy Egg",
  _uxa: "Contentsquare",
  QuantumMetricAPI: "Quantum Metric",
  SessionStack: "SessionStack",
  openreplay: "OpenReplay",
  rrweb: "rrweb (session recording library)",
};

export const sessionRecording: CheckDefinition = {
  rule: "session-recording",
  pillar: "privacy",
  severity: "high",
  weight: 4,
  title: "Visits are recorded (session replay)",
  scope: "site",
  run(ctx) {
    const pages = analyzablePages(ctx.pages);
    if (pages.length === 0) return "n/a";
    const tools = new Map<string, { evidence: Set<string>; pages: PageArtifacts[] }>();
    const add = (tool: string, ev: string, page: PageArtifacts) => {
      const t = tools.get(tool) ?? { evidence: new Set<string>(), pages: [] };
      t.evidence.add(ev);
      if (!t.pages.includes(page)) t.pages.push(page);
      tools.set(tool, t);
    };
    for (const page of pages) for (const g of page.behaviour.sessionReplayGlobals) add(REPLAY_GLOBALS[g] ?? g, `window.${g} defined`, page);
    // Behaviour, whoever serves the script: one script observing every DOM change and listening to the mouse
    // and the keyboard document-wide is recording the session (self-hosted rrweb/OpenReplay included).
    for (const page of pages) {
      const hooksBy = new Map<string, Set<string>>();
      for (const h of page.behaviour.captureHooks ?? []) {
        if (!h.script) continue;
        const script = urlWithoutQuery(h.script);
        hooksBy.set(script, (hooksBy.get(script) ?? new Set()).add(h.hook));
      }
      for (const [script, hooks] of hooksBy) {
        if (!hooks.has("mutation-observer") || !hooks.has("keys") || !(hooks.has("mouse") || hooks.has("scroll"))) continue;
        const tracker = trackerForUrl(script);
        const tool = tracker?.category === "session_replay" ? tracker.name : `script ${script}`;
        add(tool, `${script} observes every DOM change and listens to ${[...hooks].filter((x) => x !== "mutation-observer").join(", ")} on the whole document`, page);
      }
    }
    for (const hit of trackersOnSite(pages).values()) {
      if (hit.tracker.category !== "session_replay") continue;
      for (const page of hit.pages) add(hit.tracker.name, `requests to ${[...hit.hosts].join(", ")}`, page);
    }
    return [...tools].flatMap(([tool, t]) =>
      t.pages.map((page) =>
        fail(sessionRecording, {
          url: page.url,
          key: tool,
          siteWide: true,
          title: `Visits are recorded by ${tool}`,
          description: `${tool} records how visitors use the page — mouse, clicks, scrolling and typed text — to replay the session later. Recordings routinely capture personal data typed into forms (and sometimes passwords or card numbers when masking is misconfigured), and many visitors consider it intrusive; it needs consent in the EU/UK and disclosure everywhere.`,
          fix: `Load ${tool} only after consent, enable masking of all input fields and sensitive text (e.g. data-hj-suppress / fs-exclude / data-clarity-mask), exclude checkout/account pages, and name it in your privacy policy.`,
          evidence: `${[...t.evidence].join("\n")}\nPages: ${listPreview(t.pages.map((p) => p.url), 10)}`,
        }),
      ),
    );
  },
};

export const behaviourChecks = [canvasFingerprinting, deviceFingerprinting, keyLogging, sessionRecording];
