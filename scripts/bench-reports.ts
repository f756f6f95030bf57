// Size and time of every export format for a large scan: a generated 50-page scan result (PLUMB_BENCH_PAGES)
// with findings spread over the pages as a real site's are (site-wide headers, per-page images, a shared
// script), through the same model and renderers as the server's exports. Prints one line per format.
import { performance } from "node:perf_hooks";
import { reportModelFromScanResult } from "@/lib/reports/from-scan-result";
import { renderReport } from "@/lib/reports/render";
import { REPORT_FORMATS } from "@/lib/reports/model";
import { PILLARS, SEVERITIES, type Finding, type ScanResult } from "@/lib/scanner/types";

const pages = Number(process.env.PLUMB_BENCH_PAGES ?? 50);
const origin = "https://bench.example";
const urls = Array.from({ length: pages }, (_, i) => (i === 0 ? `${origin}/` : `${origin}/page/${i}`));
const findings: Finding[] = [];
let n = 0;
for (const pillar of PILLARS) {
  for (let k = 0; k < 8; k++) {
    n += 1;
    const spread = k % 3 === 0 ? urls : k % 3 === 1 ? urls.slice(0, Math.ceil(pages / 4)) : [urls[k % pages]];
    const severity = SEVERITIES[(n + k) % SEVERITIES.length];
    findings.push({
      pillar,
      rule: `${pillar}-rule-${k}`,
      severity,
      title: `${pillar} problem number ${k} with a reasonably long title`,
      description: "What was observed, in a sentence or two, as the checks write them for people reading a report.",
      fix: "The concrete fix: change the template or server setting that produces this, then scan again.",
      url: spread[0],
      urls: spread,
      evidence: `<img src="/img/${k}.jpg"> evidence`,
      fingerprint: `${n}`.padStart(64, "0"),
      instances: spread.flatMap((url) => [0, 1].map((j) => ({ url, selector: `main > section:nth-child(${j + 1}) img`, snippet: `<img src="/img/${k}-${j}.jpg" width="800">` }))),
      instanceCount: spread.length * 2,
    });
  }
}
const now = new Date();
const result: ScanResult = {
  target: `${origin}/`,
  started_at: new Date(now.getTime() - 120_000).toISOString(),
  finished_at: now.toISOString(),
  pages: urls.map((url, i) => ({ url, status: 200, title: `Page ${i}`, performance_score: 60 + (i % 40), metrics: { ttfb: 200 + i, fcp: 1200 + i * 10, lcp: 2000 + i * 40, cls: 0.02 * (i % 5), tbt: 100 + i * 5, load: 3000, bytes: 900_000 + i * 1000, requests: 40 } })),
  scores: Object.fromEntries(PILLARS.map((p, i) => [p, 55 + i * 5])),
  score: 70,
  grade: "C",
  security_grade: "C",
  findings,
  checks: PILLARS.map((p) => ({ rule: `${p}-rule-0`, pillar: p, outcome: "fail" as const })),
  timings: {},
};

const t0 = performance.now();
const model = reportModelFromScanResult(result);
console.log(`model: ${pages} pages, ${model.findings.length} findings, ${model.findings.reduce((s, f) => s + f.instances.length, 0)} instances, built in ${(performance.now() - t0).toFixed(0)} ms`);
for (const format of REPORT_FORMATS) {
  const start = performance.now();
  const file = await renderReport(model, format);
  console.log(`${format.padEnd(9)} ${(file.bytes.length / 1024).toFixed(1).padStart(9)} KiB  ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
}
