// The consent variants of a page (scan option `consent`): two more loads, each in a fresh context (an empty
// cookie jar: a first visit), one answering the consent banner with "Accept", one with "Reject". Each records
// what the page had done just before the answer (what a visitor gets before choosing) and after it took
// effect. The main load of the page (gather/page.ts) never interacts and stays the reference for every
// other check.
import type { Browser, CDPSession, Page } from "puppeteer-core";
import type { GuardProxy } from "../../net/guard-proxy";
import type { ConsentArtifact, ConsentCookie, ConsentHost, ConsentSnapshot, ConsentVariant, SessionCookieParam } from "../types";
import { AutoconsentDriver, GENERIC_ACCEPT_SCRIPT, type ConsentAction } from "./autoconsent";
import { installRequestGuard } from "./page";
import { hostOf, isThirdPartyCookieDomain, isThirdParty } from "./party";
import { openTab } from "./tabs";

export interface GatherConsentOptions {
  allowPrivate: boolean;
  /** the SSRF proxy the browser runs behind (server mode); without it and without allowPrivate, no consent loads */
  guard?: GuardProxy;
  signal?: AbortSignal;
  /** per variant, hard (default CONSENT_VARIANT_TIMEOUT_MS) */
  variantTimeoutMs?: number;
  cookies?: { name: string; value: string }[];
  sessionCookies?: SessionCookieParam[];
  extraHeaders?: { origin: string; headers: Record<string, string> };
}

/** Hard limit of one consent load (navigation, banner detection, the click and what it sets off). */
export const CONSENT_VARIANT_TIMEOUT_MS = 45_000;
const MAX_HOSTS = 200;
const MAX_COOKIES = 200;

interface SeenRequest {
  url: string;
  at: number;
}

function snapshot(requests: readonly SeenRequest[], cookies: ConsentCookie[], pageUrl: string, until = Infinity): ConsentSnapshot {
  const hosts = new Map<string, ConsentHost>();
  for (const r of requests) {
    if (r.at > until || !/^(https?|wss?):/i.test(r.url)) continue;
    const host = hostOf(r.url);
    if (!host) continue;
    const h = hosts.get(host);
    if (h) h.requests++;
    else if (hosts.size < MAX_HOSTS) hosts.set(host, { host, thirdParty: isThirdParty(r.url, pageUrl), requests: 1 });
  }
  return { cookies: cookies.slice(0, MAX_COOKIES), hosts: [...hosts.values()] };
}

async function readCookies(cdp: CDPSession, pageUrl: string): Promise<ConsentCookie[]> {
  const { cookies } = (await cdp.send("Network.getAllCookies")) as { cookies: { name: string; domain: string }[] };
  const seen = new Set<string>();
  const out: ConsentCookie[] = [];
  for (const c of cookies) {
    const key = `${c.name}\u0000${c.domain}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: c.name.slice(0, 200), domain: c.domain.slice(0, 253), thirdParty: isThirdPartyCookieDomain(c.domain, pageUrl) });
  }
  return out;
}

async function idle(page: Page, idleTime: number, timeout: number): Promise<void> {
  await page.waitForNetworkIdle({ idleTime, timeout }).catch(() => undefined);
}

/** One load that answers the banner with `action`. Never throws: problems go to `error`. */
export async function gatherConsentVariant(browser: Browser, url: string, action: ConsentAction, opts: GatherConsentOptions): Promise<ConsentVariant> {
  const started = Date.now();
  const deadline = started + (opts.variantTimeoutMs ?? CONSENT_VARIANT_TIMEOUT_MS);
  const left = () => Math.max(0, deadline - Date.now());
  const variant: ConsentVariant = {
    action: action === "optIn" ? "accept" : "reject",
    cmp: null,
    popupFound: false,
    done: false,
    before: { cookies: [], hosts: [] },
    after: { cookies: [], hosts: [] },
    ms: 0,
  };
  if (!opts.allowPrivate && !opts.guard) {
    variant.error = "consent loads need the SSRF guard proxy";
    return variant;
  }
  const tab = await openTab(browser);
  const onAbort = () => void tab.context.close().catch(() => undefined);
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  let driver: AutoconsentDriver | null = null;
  let finalUrl = url;
  try {
    const page = tab.page;
    const cdp = await page.createCDPSession();
    if (opts.cookies?.length) await cdp.send("Network.setCookies", { cookies: opts.cookies.map((c) => ({ name: c.name, value: c.value, url })) });
    if (opts.sessionCookies?.length) await cdp.send("Network.setCookies", { cookies: opts.sessionCookies });
    const extra = opts.extraHeaders && Object.keys(opts.extraHeaders.headers).length ? opts.extraHeaders : null;
    const guardErrors: string[] = [];
    if (extra) {
      await page.setRequestInterception(true);
      installRequestGuard(page, guardErrors, { check: false, extra });
    }
    const requests: SeenRequest[] = [];
    page.on("request", (req) => {
      if (requests.length < 5_000) requests.push({ url: req.url(), at: Date.now() });
    });
    page.on("dialog", (d) => void d.dismiss().catch(() => undefined));
    driver = await AutoconsentDriver.install(page, action);

    try {
      await page.goto(url, { waitUntil: "load", timeout: Math.min(15_000, Math.max(1_000, left() - 4_000)) });
    } catch (err) {
      variant.error = `navigation: ${(err as Error).message.split("\n")[0].slice(0, 300)}`;
    }
    finalUrl = page.url() || url;
    // Wait for autoconsent to find a banner or give up on the main frame (both are events; the cap only
    // matters on a starved machine), and meanwhile for the late requests a visitor gets before choosing.
    const d = driver;
    await Promise.all([
      d.waitUntil(() => d.state.popupFound || d.state.nothingDetected, Math.min(20_000, Math.max(0, left() - 12_000))),
      idle(page, 300, Math.min(2_500, left())),
    ]);
    variant.cmp = d.state.cmp;
    variant.popupFound = d.state.popupFound;

    const clickAt = Date.now();
    variant.before = snapshot(requests, await readCookies(cdp, finalUrl), finalUrl, clickAt);
    if (d.state.popupFound) {
      const heuristic = (d.state.cmp ?? "").startsWith("HEURISTIC");
      if (action === "optIn" && heuristic) {
        // autoconsent's heuristics only reject; accepting a generic banner is Plumb's own button match.
        const clicked = (await page.evaluate(GENERIC_ACCEPT_SCRIPT).catch(() => null)) as string | null;
        variant.done = clicked !== null;
        variant.via = "generic-button";
      } else {
        await d.answer();
        await d.waitUntil(() => d.state.result !== null, Math.min(15_000, Math.max(0, left() - 3_000)));
        variant.done = d.state.result === true;
        variant.via = "autoconsent";
      }
      if (!variant.done && !variant.error) variant.error = d.state.errors[0] ?? `the banner could not be ${action === "optIn" ? "accepted" : "rejected"}`;
      // What the choice set off: tags loaded on the consent event, beacons, cookies.
      await idle(page, 500, Math.min(3_000, left()));
    }
    variant.after = snapshot(requests, await readCookies(cdp, finalUrl), finalUrl);
    if (guardErrors.length && !variant.error) variant.error = guardErrors[0];
  } catch (err) {
    variant.error = (err as Error).message.split("\n")[0].slice(0, 300);
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
    await driver?.dispose();
    await tab.context.close().catch(() => undefined);
  }
  variant.ms = Date.now() - started;
  return variant;
}

/** Both variants of a page, one after the other (each in its own fresh context); reject only where a banner was found. */
export async function gatherConsent(browser: Browser, url: string, opts: GatherConsentOptions): Promise<ConsentArtifact> {
  if (opts.signal?.aborted) return { accept: null, reject: null };
  const accept = await gatherConsentVariant(browser, url, "optIn", opts);
  if (opts.signal?.aborted) return { accept, reject: null };
  // No banner for the accept load (whose heuristics are the wider ones) means none for the reject load either:
  // skip it, a page without a banner costs one extra load, not two.
  if (!accept.popupFound && !accept.error) return { accept, reject: null };
  const reject = await gatherConsentVariant(browser, url, "optOut", opts);
  return { accept, reject };
}
