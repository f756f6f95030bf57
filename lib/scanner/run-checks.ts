// Runs check definitions over artifacts. A check that throws, returns garbage or overruns its time budget is
// reported as outcome "error" and never fails the scan. Checks are synchronous pure functions, so the budget
// is enforced after the fact (results of an overrunning check are discarded) rather than by preemption.
import type { Artifacts, CheckDefinition, CheckOutcome, CheckResult, PageArtifacts } from "./types";
import { PILLARS, SEVERITIES } from "./types";

export interface RunChecksOptions {
  checkTimeoutMs?: number; // per check, summed over its pages; default 5 s
  signal?: AbortSignal;
}

export interface RunChecksOutput {
  results: CheckResult[];
  outcomes: CheckOutcome[];
}

const EVIDENCE_MAX = 2_000;

function sanitize(r: CheckResult, def: CheckDefinition, fallbackUrl: string): CheckResult | null {
  if (!r || typeof r !== "object") return null;
  const out: CheckResult = {
    rule: typeof r.rule === "string" && r.rule ? r.rule : def.rule,
    pillar: PILLARS.includes(r.pillar) ? r.pillar : def.pillar,
    severity: SEVERITIES.includes(r.severity) ? r.severity : def.severity,
    title: String(r.title ?? def.title).slice(0, 300),
    description: String(r.description ?? "").slice(0, 4_000),
    fix: String(r.fix ?? "").slice(0, 4_000),
    url: typeof r.url === "string" && r.url ? r.url : fallbackUrl,
  };
  if (r.evidence !== undefined) out.evidence = String(r.evidence).slice(0, EVIDENCE_MAX);
  if (r.selector !== undefined) out.selector = String(r.selector).slice(0, 500);
  if (r.key !== undefined) out.key = String(r.key).slice(0, 300);
  if (r.siteWide) out.siteWide = true;
  return out;
}

function runOne(def: CheckDefinition, ctx: Parameters<CheckDefinition["run"]>[0]): CheckResult[] | "n/a" {
  const r = def.run(ctx);
  if (r === "n/a") return r;
  if (!Array.isArray(r)) throw new Error(`check returned ${typeof r}, expected an array or "n/a"`);
  return r;
}

export function runChecks(artifacts: Artifacts, checks: CheckDefinition[], opts: RunChecksOptions = {}): RunChecksOutput {
  const budget = opts.checkTimeoutMs ?? 5_000;
  const results: CheckResult[] = [];
  const outcomes: CheckOutcome[] = [];
  const pages: PageArtifacts[] = artifacts.pages.filter((p) => p.status !== null);
  for (const def of checks) {
    if (opts.signal?.aborted) break;
    const started = Date.now();
    const base = { rule: def.rule, pillar: def.pillar, weight: def.weight, severity: def.severity };
    try {
      const collected: CheckResult[] = [];
      let applicable = 0;
      let failed = 0;
      if (def.scope === "site") {
        const r = runOne(def, { site: artifacts.site, pages });
        if (r !== "n/a") {
          applicable = 1;
          if (r.length) failed = 1;
          collected.push(...r);
        }
      } else {
        for (const page of pages) {
          const r = runOne(def, { site: artifacts.site, pages, page });
          if (r === "n/a") continue;
          applicable++;
          if (r.length) failed++;
          collected.push(...r);
          if (Date.now() - started > budget) break;
        }
      }
      const elapsed = Date.now() - started;
      if (elapsed > budget) {
        outcomes.push({ ...base, outcome: "error", error: `exceeded its ${budget} ms budget (${elapsed} ms)` });
        continue;
      }
      const clean = collected.map((r) => sanitize(r, def, artifacts.site.origin)).filter((r): r is CheckResult => !!r);
      results.push(...clean);
      if (applicable === 0) outcomes.push({ ...base, outcome: "n/a" });
      else outcomes.push({ ...base, outcome: failed ? "fail" : "pass", passRate: (applicable - failed) / applicable });
    } catch (err) {
      outcomes.push({ ...base, outcome: "error", error: String((err as Error)?.message ?? err).slice(0, 500) });
    }
  }
  return { results, outcomes };
}
