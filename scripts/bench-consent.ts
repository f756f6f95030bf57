// The consent variants' extra cost (part of npm run bench:scan): the consent fixture's pages scanned without
// and with `consent`, all seven pillars, same browser flags. Tracker host names go to the local vendor fixture
// (Chromium host-resolver rules), as in test/scanner-checks/consent.test.ts.
import path from "node:path";
import { scanSite, type ScanResult } from "@/lib/scanner";
import {
  ACCEPT_SELF_SIGNED,
  SITES,
  chromeWrapper,
  mapAllHostsTo,
  selfSignedCert,
  startFixturePair,
  startHttpsFront,
} from "@/test/scanner-checks/support";

export async function benchConsent(): Promise<void> {
  console.log(`\n# Consent variants: extra cost per page (consent fixture: Cookiebot, OneTrust, two generic banners, one page without)`);
  const pair = await startFixturePair(path.join(SITES, "consent"));
  const front = await startHttpsFront(pair.vendor, selfSignedCert(30), "127.0.0.2");
  const chrome = chromeWrapper([mapAllHostsTo(front.port), ACCEPT_SELF_SIGNED]);
  try {
    const scan = async (consent: boolean): Promise<{ ms: number; result: ScanResult }> => {
      const t = Date.now();
      const result = await scanSite({ url: `${pair.site.origin}/`, allowPrivate: true, maxPages: 5, chromePath: chrome.path, consent });
      return { ms: Date.now() - t, result };
    };
    const off = await scan(false);
    const on = await scan(true);
    const pages = on.result.pages.filter((p) => p.status !== null).length;
    const variants = on.result.consent?.pages.reduce((n, p) => n + (p.accept ? 1 : 0) + (p.reject ? 1 : 0), 0) ?? 0;
    const consentMs = on.result.timings.consentMs ?? 0;
    console.log(`without consent  ${(off.ms / 1000).toFixed(2)} s for ${off.result.pages.length} pages  timings ${JSON.stringify(off.result.timings)}`);
    console.log(`with consent     ${(on.ms / 1000).toFixed(2)} s for ${pages} pages  timings ${JSON.stringify(on.result.timings)}`);
    console.log(`consent loads    ${variants} (accept on every page, reject where a banner was found) in ${(consentMs / 1000).toFixed(2)} s`);
    console.log(`extra per page   ${((on.ms - off.ms) / Math.max(1, pages) / 1000).toFixed(2)} s wall clock; consent step ${(consentMs / Math.max(1, pages) / 1000).toFixed(2)} s per page, ${(consentMs / Math.max(1, variants) / 1000).toFixed(2)} s per load (tabs in parallel)`);
    for (const p of on.result.consent?.pages ?? []) {
      console.log(`  ${new URL(p.url).pathname.padEnd(9)} ${String(p.cmp ?? "no banner").padEnd(18)} accept ${p.accept?.done ? "done" : "—"}  reject ${p.reject ? (p.reject.done ? "done" : p.reject.offered ? "failed" : "none offered") : "skipped (no banner)"}`);
    }
  } finally {
    chrome.cleanup();
    await front.close();
    await pair.close();
  }
}
