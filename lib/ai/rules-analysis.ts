// The deterministic analysis: what Plumb answers without a model (no OPENAI_API_KEY), and when the model
// fails. Same shape as the AI's, so the UI and the API treat both alike.
import { analysisSchema, type Analysis, type PlanItem } from "./analysis-schema";
import type { AnalysisFinding, AnalysisInput } from "./analysis-input";
import { matchChains } from "./attack-chains";

const POINTS: Record<AnalysisFinding["severity"], number> = { critical: 30, high: 12, medium: 4, low: 1, info: 0 };
const CHAIN_POINTS = { critical: 15, high: 8, medium: 4, low: 1 } as const;
const WEEK: Record<AnalysisFinding["severity"], PlanItem["week"]> = { critical: 1, high: 2, medium: 3, low: 4, info: 4 };

const PILLAR_WORDS: Record<string, string> = {
  security: "security",
  accessibility: "accessibility",
  cookies: "cookie handling",
  trackers: "third-party tracking",
  privacy: "privacy",
  performance: "speed",
  seo: "search visibility",
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function rulesAnalysis(input: AnalysisInput): Analysis {
  const findings = input.findings.filter((f) => f.severity !== "info");
  const rules = new Set(findings.map((f) => f.rule));
  const chains = matchChains(rules);

  const bySeverity = (s: AnalysisFinding["severity"]) => findings.filter((f) => f.severity === s);
  let score = 0;
  for (const f of findings) score += POINTS[f.severity] * Math.min(f.count, 3);
  for (const c of chains) score += CHAIN_POINTS[c.chain.severity];
  const riskScore = Math.min(100, Math.round(score));

  const reasons: string[] = [];
  for (const s of ["critical", "high", "medium"] as const) {
    const list = bySeverity(s);
    if (list.length === 0) continue;
    const names = list.slice(0, 3).map((f) => f.title).join("; ");
    reasons.push(`${plural(list.reduce((n, f) => n + f.count, 0), `${s} finding`)}: ${names}${list.length > 3 ? "; …" : ""}.`);
  }
  for (const c of chains.slice(0, 3)) reasons.push(`Findings combine: ${c.chain.title.toLowerCase()}.`);
  const lows = bySeverity("low");
  if (lows.length > 0) reasons.push(`${plural(lows.reduce((n, f) => n + f.count, 0), "low-severity finding")} add a little.`);
  if (reasons.length === 0) reasons.push("No open finding above informational level.");

  const worst = findings[0];
  const areas = [...new Set(findings.filter((f) => f.severity === "critical" || f.severity === "high").map((f) => PILLAR_WORDS[f.pillar] ?? f.pillar))];
  const level = riskScore >= 70 ? "high" : riskScore >= 35 ? "moderate" : riskScore > 0 ? "low" : "very low";
  const summary = [
    `Overall risk is ${level} (${riskScore}/100)${input.grade ? `, grade ${input.grade}` : ""}.`,
    findings.length === 0
      ? "The scan found nothing that needs fixing on the pillars it covered."
      : `The scan found ${plural(findings.reduce((n, f) => n + f.count, 0), "problem")} to fix${areas.length ? `; the serious ones concern ${areas.join(", ")}` : ""}.`,
    chains.length > 0 ? `Some problems make each other worse: ${chains.map((c) => c.chain.title.toLowerCase()).join("; ")}.` : "",
    worst ? `Start with "${worst.title}".` : "",
  ]
    .filter(Boolean)
    .join(" ");

  const chainRules = new Set(chains.flatMap((c) => c.rules));
  const ordered = [...findings].sort((a, b) => Number(chainRules.has(b.rule)) - Number(chainRules.has(a.rule)));
  const plan: PlanItem[] = ordered.slice(0, 12).map((f) => ({
    week: chainRules.has(f.rule) ? 1 : WEEK[f.severity],
    title: `Fix: ${f.title}`,
    why: `${f.severity[0]!.toUpperCase()}${f.severity.slice(1)} severity, ${plural(f.count, "finding")} on ${plural(f.pages, "page")}${chainRules.has(f.rule) ? ", part of an attack chain" : ""}.`,
    rules: [f.rule],
  }));
  plan.sort((a, b) => a.week - b.week);
  if (plan.length === 0) plan.push({ week: 4, title: "Keep scanning on a schedule", why: "Nothing to fix now; a scheduled scan catches regressions.", rules: [] });

  return analysisSchema.parse({
    summary,
    risk_score: riskScore,
    risk_reasons: reasons.slice(0, 8),
    attack_chains: chains.slice(0, 6).map((c) => ({ title: c.chain.title, severity: c.chain.severity, rules: c.rules, narrative: c.chain.narrative })),
    plan,
  });
}
