// Behavioural fingerprinting detection, by what a script does rather than where it comes from: any script,
// first or third party, that combines two or more fingerprinting techniques during the page load — reading a
// canvas back, querying the WebGL renderer, rendering audio, trying many fonts, sweeping navigator/screen
// properties. One technique alone is common feature detection; the combination is how a device id is built.
import type { CheckDefinition, CheckResult, PageArtifacts } from "../../types";
import { trackerForUrl } from "../../data/trackers";
import { fail } from "../shared/result";
import { hostOf, isThirdPartyUrl, urlWithoutQuery } from "../shared/web";

export const FINGERPRINT_TECHNIQUES = ["canvas", "webgl", "audio", "fonts", "navigator"] as const;
export type FingerprintTechnique = (typeof FINGERPRINT_TECHNIQUES)[number];

const TECHNIQUE_LABELS: Record<FingerprintTechnique, string> = {
  canvas: "canvas read-back",
  webgl: "WebGL renderer/extension queries",
  audio: "AudioContext rendering",
  fonts: "font enumeration",
  navigator: "navigator/screen property sweep",
};

/** Distinct navigator/screen properties one script reads before it counts as a sweep. */
export const NAVIGATOR_SWEEP_MIN = 6;

/** Scripts that read a canvas for feature detection, not identification (as in the canvas check). */
const BENIGN = /wp-emoji|twemoji|emoji-?support|modernizr|pdf\.js|pdfjs|fabric(\.min)?\.js|chart(\.min)?\.js|html2canvas/i;

export interface ScriptTechniques {
  script: string; // URL without query; "" when the caller could not be identified
  techniques: Map<FingerprintTechnique, Set<string>>;
}

/** The fingerprinting techniques each script of a page used, from the behaviour probes. */
export function fingerprintTechniquesByScript(page: PageArtifacts): ScriptTechniques[] {
  const by = new Map<string, ScriptTechniques>();
  const add = (script: string | undefined, t: FingerprintTechnique, api: string) => {
    const key = script ? urlWithoutQuery(script) : "";
    if (key && BENIGN.test(key)) return;
    const entry = by.get(key) ?? { script: key, techniques: new Map() };
    entry.techniques.set(t, (entry.techniques.get(t) ?? new Set()).add(api));
    by.set(key, entry);
  };
  for (const r of page.behaviour.canvasReads) add(r.script, r.method.startsWith("webgl.") ? "webgl" : "canvas", r.method);
  for (const f of page.behaviour.fingerprintApis) {
    const api = f.api;
    if (api.startsWith("webgl.")) add(f.script, "webgl", api);
    else if (api.startsWith("audio.") || api.startsWith("OfflineAudioContext")) add(f.script, "audio", api);
    else if (api === "fonts.enumeration") add(f.script, "fonts", api);
    else if (api.startsWith("navigator.") || api.startsWith("screen.")) add(f.script, "navigator", api);
  }
  for (const entry of by.values()) {
    const nav = entry.techniques.get("navigator");
    if (nav && nav.size < NAVIGATOR_SWEEP_MIN) entry.techniques.delete("navigator");
  }
  return [...by.values()];
}

/** Scripts of a page using at least two techniques: the canvas check leaves these to this one. */
export function fingerprintingScripts(page: PageArtifacts): ScriptTechniques[] {
  return fingerprintTechniquesByScript(page).filter((s) => s.script !== "" && s.techniques.size >= 2);
}

export const fingerprintingScript: CheckDefinition = {
  rule: "fingerprinting-script",
  pillar: "privacy",
  severity: "high",
  weight: 4,
  title: "A script fingerprints the browser",
  scope: "page",
  run(ctx) {
    const page = ctx.page && ctx.page.status !== null ? ctx.page : null;
    if (!page) return "n/a";
    const base = page.finalUrl || page.url;
    const pagePath = urlWithoutQuery(base);
    const out: CheckResult[] = [];
    for (const s of fingerprintingScripts(page)) {
      const thirdParty = isThirdPartyUrl(s.script, base);
      // An inline script's frames carry the page's URL: one subject per host, not per page.
      const inline = s.script === pagePath;
      const who = inline ? `an inline script on ${hostOf(base)}` : s.script;
      const tracker = thirdParty ? trackerForUrl(s.script) : undefined;
      const techniques = FINGERPRINT_TECHNIQUES.filter((t) => s.techniques.has(t));
      out.push(
        fail(fingerprintingScript, {
          url: page.url,
          key: inline ? `inline:${hostOf(base)}` : s.script,
          siteWide: true,
          title: `Browser fingerprinting by ${tracker?.name ?? (inline ? `an inline script` : thirdParty ? hostOf(s.script) : `first-party script ${new URL(s.script).pathname}`)}`,
          description: `${who} (${thirdParty ? "third party" : "first party"}) combines ${techniques.length} fingerprinting techniques during the page load: ${techniques.map((t) => TECHNIQUE_LABELS[t]).join(", ")}. Together they yield an identifier of the device that survives clearing cookies and private browsing, which visitors can neither see nor refuse. Where it is served from does not matter: a self-hosted fingerprinting library tracks just the same.`,
          fix: "Remove the script, or if it serves fraud or bot protection, run it only where it is needed (sign-in, checkout), disclose it in your privacy policy and never reuse the identifier for analytics or marketing. Under the ePrivacy Directive, reading device characteristics needs consent unless strictly necessary for a service the visitor asked for.",
          evidence: `Script: ${who}\n${techniques.map((t) => `${TECHNIQUE_LABELS[t]}: ${[...s.techniques.get(t)!].slice(0, 12).join(", ")}`).join("\n")}`,
        }),
      );
    }
    return out;
  },
};
