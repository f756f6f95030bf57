import { renderSarif, type SarifFinding, type SarifOptions } from "@/lib/scanner/output/sarif";
import type { ReportModel } from "../model";

/** Report findings as the scanner's SARIF renderer takes them: the instances' distinct pages are the URLs. */
export function sarifFindings(model: ReportModel): SarifFinding[] {
  return model.findings
    .filter((f) => f.status === "open" || f.status === "in_progress")
    .map((f) => {
      const urls = [...new Set(f.instances.map((i) => i.url))];
      const selectors = [...new Set(f.instances.map((i) => i.selector).filter((s): s is string => !!s))];
      return {
        pillar: f.pillar,
        rule: f.rule,
        severity: f.severity,
        title: f.title,
        description: f.description,
        fix: f.fix,
        fingerprint: f.fingerprint,
        urls: urls.length ? urls : [f.url],
        selector: selectors.length === 1 ? selectors[0] : null,
        evidence: f.evidence,
      };
    });
}

/** SARIF 2.1.0 of the findings still to do (open or in progress). */
export function renderReportSarif(model: ReportModel, opts: SarifOptions = {}): string {
  const scores: Record<string, number> = {};
  for (const p of model.pillars) if (p.score !== null) scores[p.pillar] = p.score;
  return renderSarif(
    {
      target: model.target,
      started_at: model.method.started_at ?? model.generated_at,
      finished_at: model.method.finished_at ?? model.generated_at,
      scores,
      grade: model.summary.grade,
      security_grade: model.summary.security_grade,
      findings: sarifFindings(model),
    },
    opts,
  );
}
