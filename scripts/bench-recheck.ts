// npm run bench:recheck — one finding's re-check (only its rule, on only its pages: lib/scanner/recheck.ts)
// against a full seven-pillar scan of the same pages, on a local copy of the clean fixture site with defects
// added. Same Chromium, same machine; each measured PLUMB_BENCH_RUNS times (default 3), medians printed.
// Not part of npm test: timings depend on the machine.
//
//   CHROME_PATH=/usr/bin/chromium npm run bench:recheck
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { scanPages } from "@/lib/scanner";
import { recheckRule } from "@/lib/scanner/recheck";
import { startFixtureServer } from "@/test/support/fixture-server";

const RUNS = Math.max(1, Number(process.env.PLUMB_BENCH_RUNS ?? 3));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-bench-recheck-"));
  fs.cpSync(path.resolve(import.meta.dirname, "..", "test", "fixtures", "sites", "clean"), dir, { recursive: true });
  // Defects: /about loses its h1 (an SEO rule), /contact gets an image without alt text (an axe rule).
  const about = path.join(dir, "about.html");
  fs.writeFileSync(about, fs.readFileSync(about, "utf8").replace("<h1>About the bakers</h1>", "<h2>About the bakers</h2>"));
  const contact = path.join(dir, "contact.html");
  fs.writeFileSync(contact, fs.readFileSync(contact, "utf8").replace("<main", '<img src="/assets/logo.svg" width="10" height="10"><main'));
  const site = await startFixtureServer({ root: dir });
  const opts = { url: site.origin, allowPrivate: true };
  try {
    const cases = [
      { name: "seo-h1-missing on /about", rule: "seo-h1-missing", urls: [`${site.origin}/about`] },
      { name: "axe-image-alt on /contact", rule: "axe-image-alt", urls: [`${site.origin}/contact`] },
      { name: "seo-h1-missing on 3 pages", rule: "seo-h1-missing", urls: ["/", "/about", "/contact"].map((p) => `${site.origin}${p}`) },
    ];
    console.log(`re-check of one finding vs a full scan of the same pages (median of ${RUNS} runs each)\n`);
    console.log("case                          re-check ms   full scan ms   ratio");
    for (const c of cases) {
      const recheck: number[] = [];
      const full: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        let found = 0;
        recheck.push(await time(async () => (found = (await recheckRule(opts, c.rule, c.urls)).findings.length)));
        if (i === 0 && found === 0) console.warn(`  (${c.name}: the defect was not found — check the fixture)`);
        full.push(await time(() => scanPages(opts, c.urls)));
      }
      const r = median(recheck);
      const f = median(full);
      console.log(`${c.name.padEnd(30)}${r.toFixed(0).padStart(11)}${f.toFixed(0).padStart(15)}   ${(f / r).toFixed(1)}x faster`);
    }
  } finally {
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
