// npm run bench:settle — how long a 200-page scan takes to record and settle its findings, with generated
// check results (no browser): the engine's dedupe, recordScanResults (pages, findings, instances,
// occurrences) and settleScan, on a fresh embedded database (or PostgreSQL: PLUMB_TEST_DB=postgres with
// DATABASE_URL). Two scans: the first creates every finding, the second updates them (the steady state).
// Not part of npm test: timings depend on the machine.
//
//   PLUMB_BENCH_PAGES=200   pages of the generated site (default 200)
import { dedupe } from "@/lib/scanner/dedupe";
import type { CheckResult, ScanResult } from "@/lib/scanner/types";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recordScanResults } from "@/lib/services/scans/record-scan-results";
import { settleScan } from "@/lib/services/scans/settle-scan";
import { seedTenant } from "@/test/services/seed";
import { createTestDatabase } from "@/test/support/db";

const PAGES = Number(process.env.PLUMB_BENCH_PAGES ?? 200);
const O = "https://bench.example";

/** What a typical site's checks report per page: shared assets and headers, template problems, elements. */
function generate(pages: string[]): CheckResult[] {
  const out: CheckResult[] = [];
  const base = { severity: "medium" as const, title: "Generated", description: "Generated finding for the benchmark.", fix: "Fix it." };
  for (const [i, url] of pages.entries()) {
    for (const asset of ["/js/vendor.js", "/js/app.js", "/css/site.css"]) {
      out.push({ ...base, rule: "perf-unminified-code", pillar: "performance", url, key: `${O}${asset}`, siteWide: true, evidence: `40 KB of 120 KB removable  ${O}${asset}` });
    }
    for (const header of ["x-content-type-options", "referrer-policy", "permissions-policy", "x-frame-options", "strict-transport-security"]) {
      out.push({ ...base, rule: "hsts-missing", pillar: "security", url, key: header, siteWide: true });
    }
    out.push({ ...base, rule: "seo-canonical-missing", pillar: "seo", url });
    out.push({ ...base, rule: "seo-meta-description-missing", pillar: "seo", url, selector: 'meta[name="description"]' });
    out.push({ ...base, rule: "perf-lcp", pillar: "performance", url, evidence: `LCP ${2_600 + i} ms` });
    out.push({ ...base, rule: "seo-title-length", pillar: "seo", url, selector: "title" });
    for (const rule of ["axe-image-alt", "axe-color-contrast", "axe-link-name", "axe-label", "axe-button-name"]) {
      for (let k = 1; k <= 3; k++) {
        const selector = `main > section:nth-child(${(i % 5) + 1}) > .item-${k}`;
        out.push({ ...base, rule, pillar: "accessibility", url, selector, key: selector, siteWide: true, evidence: `<div class="item-${k}">…</div>` });
      }
    }
  }
  return out;
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  try {
    const t = await seedTenant(db.prisma, { host: "bench.example", credits: 10_000 });
    const pages = Array.from({ length: PAGES }, (_, i) => (i === 0 ? `${O}/` : `${O}/page-${i}`));
    const results = generate(pages);
    let t0 = performance.now();
    const findings = dedupe(results, O);
    const dedupeMs = performance.now() - t0;
    const instances = findings.reduce((n, f) => n + (f.instances?.length ?? f.urls.length), 0);
    console.log(`${PAGES} pages, ${results.length} check results -> ${findings.length} findings, ${instances} instances (dedupe ${dedupeMs.toFixed(0)} ms)`);
    for (const round of ["first scan (creates)", "second scan (updates)"]) {
      const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["accessibility", "performance", "security", "seo"] }));
      await markScanRunning({ scanId: scan.id }, db.prisma);
      await db.prisma.scanPage.createMany({ data: pages.map((url) => ({ scanId: scan.id, url, outcome: "pending" })) });
      const now = new Date().toISOString();
      const result: ScanResult = {
        target: O, started_at: now, finished_at: now, pages: pages.map((url) => ({ url, status: 200 })),
        scores: {}, score: 80, grade: "B", findings, checks: [], timings: {},
      };
      t0 = performance.now();
      const recorded = await recordScanResults({ scanId: scan.id, result }, db.prisma);
      const recordMs = performance.now() - t0;
      t0 = performance.now();
      await settleScan({ scanId: scan.id, erroredRules: recorded.erroredRules }, db.prisma);
      const settleMs = performance.now() - t0;
      console.log(`${round}: record ${recordMs.toFixed(0)} ms + settle ${settleMs.toFixed(0)} ms = ${(recordMs + settleMs).toFixed(0)} ms (${db.kind})`);
    }
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
