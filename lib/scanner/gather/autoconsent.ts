// Drives @duckduckgo/autoconsent in one tab: its content-script bundle runs in an isolated world of every
// frame (the page's scripts can neither see nor tamper with it), and talks to Node through a CDP binding
// that only that world has. Its maintained rules recognise hundreds of consent managers (OneTrust, Cookiebot,
// Didomi, Usercentrics, Quantcast, …) and its heuristics find generic banners with a "Reject all" button.
// Every message from the page side is size-capped and validated with zod before it is used.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { CDPSession, Page } from "puppeteer-core";
import { z } from "zod";

const WORLD = "plumb-autoconsent";
const BINDING = "plumbAutoconsentSend";
const MAX_MESSAGE_CHARS = 100_000;
const MAX_MESSAGES = 2_000;

interface Assets {
  script: string;
  rulesJson: string;
}

let assets: Assets | null = null;

/** The content-script bundle and the rules, read once per process from the installed package. */
function loadAssets(): Assets {
  if (assets) return assets;
  const require = createRequire(path.join(process.cwd(), "package.json"));
  let main: string;
  try {
    main = require.resolve("@duckduckgo/autoconsent");
  } catch {
    // A bundled caller (Next's server build) may resolve from elsewhere: fall back to this file's location.
    main = createRequire(import.meta.url).resolve("@duckduckgo/autoconsent");
  }
  const dist = path.dirname(main);
  const bundle = fs.readFileSync(path.join(dist, "autoconsent.playwright.js"), "utf8");
  const rulesJson = fs.readFileSync(path.join(dist, "..", "rules", "rules.json"), "utf8");
  // The bundle posts to window.autoconsentSendMessage; in our world that forwards to the CDP binding (which
  // takes one string).
  const shim = `(() => { const send = globalThis.${BINDING}; if (typeof send !== "function") return; window.autoconsentSendMessage = (m) => { try { send(JSON.stringify(m)); } catch (e) {} return Promise.resolve(); }; })();\n`;
  assets = { script: shim + bundle, rulesJson };
  return assets;
}

const cmpName = z.string().max(200);
const messageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("init") }),
  z.object({ type: z.literal("eval"), id: z.string().max(200), code: z.string().max(50_000) }),
  z.object({ type: z.literal("cmpDetected"), cmp: cmpName }),
  z.object({ type: z.literal("popupFound"), cmp: cmpName }),
  z.object({ type: z.literal("optInResult"), cmp: cmpName, result: z.boolean() }),
  z.object({ type: z.literal("optOutResult"), cmp: cmpName, result: z.boolean() }),
  z.object({ type: z.literal("selfTestResult"), cmp: cmpName, result: z.boolean() }),
  z.object({ type: z.literal("autoconsentDone"), cmp: cmpName }),
  z.object({ type: z.literal("autoconsentError"), details: z.unknown().optional() }),
  z.object({ type: z.literal("report"), mainFrame: z.boolean(), state: z.object({ lifecycle: z.string().max(50) }) }),
  z.object({ type: z.literal("visualDelay") }),
]);
type Message = z.infer<typeof messageSchema>;

export type ConsentAction = "optIn" | "optOut";

export interface AutoconsentState {
  cmp: string | null;
  popupFound: boolean;
  /** the main frame's autoconsent gave up finding a CMP */
  nothingDetected: boolean;
  result: boolean | null;
  errors: string[];
}

/**
 * The configuration autoconsent runs with. No automatic action (Plumb decides when to answer, after taking
 * the "before" snapshot), no pre-hiding or cosmetic hiding (the page must look as a visitor sees it).
 * Heuristics: "reject" finds generic banners that offer a reject button; "tier2" also those with only an
 * accept/acknowledge button, which only the accept load may answer.
 */
function config(action: ConsentAction) {
  return {
    enabled: true,
    autoAction: null,
    disabledCmps: [],
    enablePrehide: false,
    enableCosmeticRules: false,
    enableGeneratedRules: true,
    detectRetries: 6,
    isMainWorld: false,
    prehideTimeout: 2_000,
    enableHeuristicDetection: false,
    enablePopupMutationObserver: false,
    heuristicMode: action === "optIn" ? "tier2" : "reject",
    heuristicPopupSearchTimeout: 500,
    visualTest: false,
    performanceLoggingEnabled: false,
    logs: { lifecycle: false, rulesteps: false, detectionsteps: false, evals: false, errors: false, messages: false, waits: false },
  };
}

export class AutoconsentDriver {
  readonly state: AutoconsentState = { cmp: null, popupFound: false, nothingDetected: false, result: null, errors: [] };
  private readonly frameOfContext = new Map<number, string>();
  private readonly mainWorldOfFrame = new Map<string, number>();
  private popupContext: number | null = null;
  private messages = 0;
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly cdp: CDPSession,
    private readonly action: ConsentAction,
  ) {}

  /** Installs autoconsent in the tab; call before navigating. */
  static async install(page: Page, action: ConsentAction): Promise<AutoconsentDriver> {
    const { script } = loadAssets();
    const cdp = await page.createCDPSession();
    const driver = new AutoconsentDriver(cdp, action);
    cdp.on("Runtime.executionContextCreated", (e) => {
      const aux = (e.context.auxData ?? {}) as { frameId?: string; isDefault?: boolean };
      if (!aux.frameId) return;
      driver.frameOfContext.set(e.context.id, aux.frameId);
      if (aux.isDefault) driver.mainWorldOfFrame.set(aux.frameId, e.context.id);
    });
    cdp.on("Runtime.bindingCalled", (e) => {
      if (e.name !== BINDING) return;
      void driver.onBinding(e.payload, e.executionContextId);
    });
    await cdp.send("Runtime.enable");
    await cdp.send("Runtime.addBinding", { name: BINDING, executionContextName: WORLD });
    await cdp.send("Page.enable");
    await cdp.send("Page.addScriptToEvaluateOnNewDocument", { source: script, worldName: WORLD });
    return driver;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves true once `done()` holds, false after `ms` (event-driven: re-checked on every message). */
  waitUntil(done: () => boolean, ms: number): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(done()), Math.max(0, ms));
      const check = () => {
        if (done()) {
          clearTimeout(timer);
          resolve(true);
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  private async send(contextId: number, message: unknown): Promise<void> {
    await this.cdp
      .send("Runtime.evaluate", { expression: `autoconsentReceiveMessage(${JSON.stringify(message)})`, contextId, awaitPromise: false })
      .catch(() => undefined);
  }

  private async onBinding(payload: string, contextId: number): Promise<void> {
    if (++this.messages > MAX_MESSAGES || payload.length > MAX_MESSAGE_CHARS) return;
    let msg: Message;
    try {
      const parsed = messageSchema.safeParse(JSON.parse(payload));
      if (!parsed.success) return;
      msg = parsed.data;
    } catch {
      return;
    }
    switch (msg.type) {
      case "init":
        await this.cdp
          .send("Runtime.evaluate", {
            expression: `autoconsentReceiveMessage({ type: "initResp", config: ${JSON.stringify(config(this.action))}, rules: ${loadAssets().rulesJson} })`,
            contextId,
            awaitPromise: false,
          })
          .catch(() => undefined);
        break;
      case "eval": {
        // Rule snippets that need the page's own globals (e.g. window.Cookiebot) run in the frame's main world.
        const frame = this.frameOfContext.get(contextId);
        const main = frame ? this.mainWorldOfFrame.get(frame) : undefined;
        let result: unknown = false;
        if (main !== undefined) {
          const r = await this.cdp
            .send("Runtime.evaluate", { expression: msg.code, contextId: main, returnByValue: true, awaitPromise: true, timeout: 2_000 })
            .catch(() => null);
          const v = r?.result?.value;
          result = typeof v === "boolean" || typeof v === "number" || typeof v === "string" ? v : Boolean(v);
        }
        await this.send(contextId, { type: "evalResp", id: msg.id, result });
        break;
      }
      case "cmpDetected":
        this.state.cmp ??= msg.cmp;
        break;
      case "popupFound":
        if (!this.state.popupFound) {
          this.state.popupFound = true;
          this.state.cmp = msg.cmp;
          this.popupContext = contextId;
        }
        break;
      case "optInResult":
      case "optOutResult":
        if (contextId === this.popupContext) this.state.result = msg.result;
        break;
      case "autoconsentError":
        if (this.state.errors.length < 5) this.state.errors.push(JSON.stringify(msg.details ?? null).slice(0, 300));
        break;
      case "report":
        if (msg.mainFrame && msg.state.lifecycle === "nothingDetected") this.state.nothingDetected = true;
        break;
      default:
        break;
    }
    this.notify();
  }

  /** Asks the frame that found the banner to accept or reject it. */
  async answer(): Promise<void> {
    if (this.popupContext === null) return;
    await this.send(this.popupContext, { type: this.action });
  }

  async dispose(): Promise<void> {
    this.waiters = [];
    await this.cdp.detach().catch(() => undefined);
  }
}

/**
 * Plumb's own "Accept all" for a generic banner autoconsent's heuristics found (they only ever reject): the
 * first visible button whose text accepts, inside an element that talks about cookies. Runs in the page.
 */
export const GENERIC_ACCEPT_SCRIPT = String.raw`(() => {
  const ACCEPT = /^(accept( all( cookies)?)?|accept (and|&) (close|continue)|allow( all)?( cookies)?|agree|i agree|i accept|ok(ay)?|got it|alle (akzeptieren|annehmen|zulassen)|akzeptieren|zustimmen|tout accepter|accepter( tout| et continuer)?|j'accepte|aceptar( todo| todas)?|accetta( tutti| tutto)?|accetto|alles accepteren|accepteren|aceitar( tudo| todos)?|acceptera alla|godkänn alla|hyväksy kaikki|zaakceptuj wszystkie|akceptuję|tümünü kabul et|kabul et)$/i;
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none"; };
  const clean = (t) => (t || "").toLowerCase().replace(/[“”"'!.\u2192\u00bb\u203a]+/g, "").replace(/\s+/g, " ").trim();
  const candidates = [...document.querySelectorAll("button, a, [role=button], input[type=button], input[type=submit]")].slice(0, 2000);
  for (const el of candidates) {
    const text = clean(el.tagName === "INPUT" ? el.value : el.innerText || el.textContent);
    if (!text || text.length > 40 || !ACCEPT.test(text) || !visible(el)) continue;
    let box = el.parentElement; let about = false;
    for (let i = 0; box && i < 8; i++, box = box.parentElement) { if (/cookie|consent|privacy|datenschutz|confidentialit/i.test(box.innerText || "")) { about = true; break; } }
    if (!about) continue;
    el.click();
    return text.slice(0, 40);
  }
  return null;
})()`;
