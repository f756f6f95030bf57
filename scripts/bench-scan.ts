// npm run bench:scan — Plumb vs Lighthouse on the same fixture pages (same Chromium), then a 20-page crawl
// for throughput and peak memory. Not part of npm test: timings depend on the machine.
//
//   PLUMB_BENCH_PAGES=3     pages of the clean fixture compared with Lighthouse (default 3)
//   PLUMB_BENCH_SKIP_LH=1   skip the Lighthouse parts (speed and defects)
//   PLUMB_BENCH_SKIP_DEVICES=1  skip the mobile + desktop crawl (the desktop extra cost)
//   PLUMB_BENCH_ONLY=consent  only the consent variants' extra cost (scripts/bench-consent.ts)
//
// The defects part scans the defect fixture sites with both tools and counts distinct problems each one
// reports: Lighthouse audits that fail (score < 1) and Plumb rules that fire, per site.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";
import { scanPages, scanSite, type ScanResult } from "@/lib/scanner";
import { CHROME_FLAGS, findChrome } from "@/lib/scanner/gather/browser";
import { startFixtureServer } from "@/test/support/fixture-server";
import { fakeSecrets } from "@/lib/scanner/checks/shared/fake-secrets";
import { VENDOR_ROOT } from "@/test/scanner-checks/support";
import { benchConsent } from "./bench-consent";

const root = path.resolve(import.meta.dirname, "..");

/** Memory of this process and all its descendants (Chromium). PSS splits shared pages fairly; RSS overcounts. */
function treeMemory(): { rssMb: number; pssMb: number } {
  // Walk descendants through /proc/<pid>/task/<tid>/children (cheap: no scan of every process).
  const pids: number[] = [];
  const stack = [process.pid];
  while (stack.length) {
    const pid = stack.pop()!;
    pids.push(pid);
    try {
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        const kids = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
        if (kids) stack.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // exited
    }
  }
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      rss += Number(rollup.match(/^Rss:\s+(\d+)/m)?.[1] ?? 0);
      pss += Number(rollup.match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return { rssMb: rss / 1024, pssMb: pss / 1024 };
}

function sampleMemory(): { stop: () => { rssMb: number; pssMb: number } } {
  if (!fs.existsSync("/proc/self/smaps_rollup")) {
    let peak = 0;
    const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 1048576)), 100);
    return { stop: () => (clearInterval(t), { rssMb: peak, pssMb: peak }) };
  }
  const peak = { rssMb: 0, pssMb: 0 };
  const tick = () => {
    const m = treeMemory();
    peak.rssMb = Math.max(peak.rssMb, m.rssMb);
    peak.pssMb = Math.max(peak.pssMb, m.pssMb);
  };
  const t = setInterval(tick, 300);
  return { stop: () => (clearInterval(t), tick(), peak) };
}

interface LighthouseRun {
  ms: number;
  scores: Record<string, number | null>[];
  /** ids of the audits that failed on each page (scored, score below 1) */
  failed: string[][];
}

async function lighthouseRun(urls: string[]): Promise<LighthouseRun> {
  const t = Date.now();
  // In the temp dir, not the checkout: Chrome's socket files there break a concurrent `next build` (Tailwind scans the tree).
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-bench-lh-"));
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    userDataDir,
    args: [...CHROME_FLAGS, "--remote-debugging-port=0"],
  });
  const port = Number(new URL(browser.wsEndpoint()).port);
  const scores: Record<string, number | null>[] = [];
  const failed: string[][] = [];
  try {
    for (const url of urls) {
      // throttlingMethod "provided": no simulated slow network or CPU, the conditions Plumb measures under,
      // so the two performance scores can be compared.
      const result = await lighthouse(url, { port, output: "json", logLevel: "error", throttlingMethod: "provided" });
      const cats = result?.lhr.categories ?? {};
      scores.push(Object.fromEntries(Object.entries(cats).map(([k, v]) => [k, v.score === null ? null : Math.round(v.score * 100)])));
      const audits = Object.values(result?.lhr.audits ?? {});
      failed.push(audits.filter((a) => (a.scoreDisplayMode === "binary" || a.scoreDisplayMode === "numeric" || a.scoreDisplayMode === "metricSavings") && a.score !== null && a.score < 1).map((a) => a.id));
    }
  } finally {
    await browser.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  return { ms: Date.now() - t, scores, failed };
}

/** Plumb's and Lighthouse's performance score per page, side by side (Plumb's must stay within 10 points). */
function printPerformanceScores(pages: ScanResult["pages"], lh: LighthouseRun): void {
  pages.forEach((p, i) => {
    const mine = p.performance_score;
    const theirs = lh.scores[i]?.performance ?? null;
    const diff = typeof mine === "number" && typeof theirs === "number" ? mine - theirs : null;
    const flag = diff !== null && Math.abs(diff) > 10 ? "  <-- more than 10 points apart" : "";
    console.log(`  performance ${String(mine ?? "-").padStart(3)} plumb / ${String(theirs ?? "-").padStart(3)} lighthouse  (${diff === null ? "n/a" : (diff > 0 ? "+" : "") + diff})  ${new URL(p.url).pathname}${flag}`);
  });
}

/** Distinct problems found by each tool on the same pages of each defect fixture. */
async function compareDefects(): Promise<void> {
  console.log(`\n# Defects found on the defect fixtures (same pages for both tools; distinct problem types per site)`);
  console.log(`site        pages  lighthouse  plumb  plumb-only pillars (cookies/trackers/privacy)`);
  const sites = ["a11y", "insecure", "seo/main", "perf", "privacy", "cookies"];
  let lhTotal = 0;
  let plumbTotal = 0;
  for (const name of sites) {
    // The same variables the pillar tests give these sites: third parties on 127.0.0.2, fake secrets, and
    // for the perf site its 2.2 MB uncompressed bundle.
    const vendor = await startFixtureServer({ root: VENDOR_ROOT, host: "127.0.0.2" });
    const bigJs = `/* filler bundle */\n${'var filler = "0123456789abcdefghijklmnopqrstuvwxyz";\n'.repeat(45_000)}`;
    const site = await startFixtureServer({
      root: path.join(root, "test/fixtures/sites", name),
      vars: { THIRD_PARTY: vendor.origin, BIG_JS: bigJs, ...fakeSecrets() },
    });
    try {
      const plumb = await scanSite({ url: `${site.origin}/`, allowPrivate: true, maxPages: 6 });
      const urls = plumb.pages.filter((p) => p.status !== null).map((p) => p.url);
      const lh = await lighthouseRun(urls);
      const lhIds = new Set(lh.failed.flat());
      const plumbRules = new Set(plumb.findings.map((f) => f.rule));
      const only = new Set(plumb.findings.filter((f) => ["cookies", "trackers", "privacy"].includes(f.pillar)).map((f) => f.rule));
      lhTotal += lhIds.size;
      plumbTotal += plumbRules.size;
      console.log(`${name.padEnd(11)} ${String(urls.length).padStart(5)}  ${String(lhIds.size).padStart(10)}  ${String(plumbRules.size).padStart(5)}  ${only.size}`);
      printPerformanceScores(plumb.pages.filter((p) => p.status !== null), lh);
      console.log(`  lighthouse: ${[...lhIds].sort().join(" ")}`);
      console.log(`  plumb:      ${[...plumbRules].sort().join(" ")}`);
    } finally {
      await site.close();
      await vendor.close();
    }
  }
  console.log(`total                    ${String(lhTotal).padStart(4)}   ${String(plumbTotal).padStart(4)}   ratio Plumb / Lighthouse = ${(plumbTotal / Math.max(1, lhTotal)).toFixed(2)}x`);
}

async function main(): Promise<void> {
  if (process.env.PLUMB_BENCH_ONLY === "consent") return benchConsent();
  const nPages = Number(process.env.PLUMB_BENCH_PAGES ?? 3);
  const clean = await startFixtureServer({ root: path.join(root, "test/fixtures/sites/clean") });
  const crawl = await startFixtureServer({ root: path.join(root, "test/fixtures/sites/crawl") });
  try {
    const paths = ["/", "/about", "/contact", "/privacy", "/blog/", "/blog/rye-starter", "/blog/long-fermentation"].slice(0, nPages);
    const urls = paths.map((p) => `${clean.origin}${p}`);
    console.log(`# Plumb vs Lighthouse — ${urls.length} pages of the clean fixture, same Chromium (${findChrome()})`);

    // Plumb: all seven pillars, pages in parallel tabs, browser launch included.
    const t = Date.now();
    const plumb = await scanPages({ url: urls[0], allowPrivate: true }, urls);
    const plumbMs = Date.now() - t;
    console.log(`plumb       ${(plumbMs / 1000).toFixed(2)} s  (${plumb.findings.length} findings, ${plumb.checks.length} checks/page-set, grade ${plumb.grade})`);
    // Plumb, one tab at a time (like Lighthouse runs).
    const t1 = Date.now();
    await scanPages({ url: urls[0], allowPrivate: true, concurrency: 1 }, urls);
    const plumbSerialMs = Date.now() - t1;
    console.log(`plumb (1 tab) ${(plumbSerialMs / 1000).toFixed(2)} s`);

    if (process.env.PLUMB_BENCH_SKIP_LH !== "1") {
      const lh = await lighthouseRun(urls);
      console.log(`lighthouse  ${(lh.ms / 1000).toFixed(2)} s  (categories: ${Object.keys(lh.scores[0] ?? {}).join(", ")})`);
      console.log(`ratio       Lighthouse / Plumb = ${(lh.ms / plumbMs).toFixed(2)}x (parallel tabs), ${(lh.ms / plumbSerialMs).toFixed(2)}x (one tab)`);
      printPerformanceScores(plumb.pages, lh);
    }

    console.log(`\n# 20-page crawl of the crawl fixture`);
    const mem = sampleMemory();
    const t2 = Date.now();
    const crawled = await scanSite({ url: `${crawl.origin}/`, allowPrivate: true, maxPages: 20 });
    const crawlMs = Date.now() - t2;
    const peak = mem.stop();
    const loaded = crawled.pages.filter((p) => p.status !== null).length;
    console.log(`pages       ${loaded}/${crawled.pages.length} in ${(crawlMs / 1000).toFixed(2)} s = ${(loaded / (crawlMs / 1000)).toFixed(2)} pages/s`);
    console.log(`timings     ${JSON.stringify(crawled.timings)}`);
    for (const p of crawled.pages.filter((pg) => pg.status === null)) console.log(`failed      ${p.url}: ${p.error}`);
    console.log(`peak memory node + Chromium: ${peak.pssMb.toFixed(0)} MB PSS (${peak.rssMb.toFixed(0)} MB summed RSS)`);
    if (process.env.PLUMB_BENCH_SKIP_DEVICES !== "1") {
      // The same crawl with a second device: the desktop loads (light: no axe, typing probe or bodies) come on top.
      console.log(`\n# 20-page crawl, mobile + desktop (the default above is mobile only)`);
      const memBoth = sampleMemory();
      const t3 = Date.now();
      const both = await scanSite({ url: `${crawl.origin}/`, allowPrivate: true, maxPages: 20, devices: ["mobile", "desktop"] });
      const bothMs = Date.now() - t3;
      const peakBoth = memBoth.stop();
      const loadedBoth = both.pages.filter((p) => p.status !== null).length;
      const extra = bothMs - crawlMs;
      console.log(`pages       ${loadedBoth} x 2 devices in ${(bothMs / 1000).toFixed(2)} s = ${(loadedBoth / (bothMs / 1000)).toFixed(2)} pages/s`);
      console.log(`desktop     +${(extra / 1000).toFixed(2)} s over mobile only (+${Math.round((extra / crawlMs) * 100)}%); desktop pass ${((both.timings.deviceGatherMs ?? 0) / 1000).toFixed(2)} s`);
      console.log(`scores      performance ${JSON.stringify(both.device_scores ?? {})}; device-tagged findings ${both.findings.filter((f) => f.devices?.length).length} (desktop only: ${both.findings.filter((f) => f.devices?.length === 1 && f.devices[0] === "desktop").length})`);
      console.log(`peak memory node + Chromium: ${peakBoth.pssMb.toFixed(0)} MB PSS (${peakBoth.rssMb.toFixed(0)} MB summed RSS)`);
    }
    if (process.env.PLUMB_BENCH_SKIP_LH !== "1") await compareDefects();
    await benchConsent();
  } finally {
    await clean.close();
    await crawl.close();
  }
}

await main();
