// The public description of every rule the scanner runs, for /rules/<id> (SARIF help links point there):
// from the check registry, plus axe-core's metadata and Plumb's fix guidance for accessibility rules.
import { AXE_FIX_GUIDANCE } from "@/lib/scanner/checks/accessibility/axe-fix-guidance";
import { AXE_RULES } from "@/lib/scanner/checks/accessibility/axe-rules";
import { allChecks } from "@/lib/scanner/checks";
import type { Pillar, Severity } from "@/lib/scanner/types";

export interface RuleInfo {
  rule: string;
  pillar: Pillar;
  severity: Severity;
  title: string;
  weight: number;
  scope: "page" | "site";
  /** what the rule checks, in a sentence */
  checks: string;
  /** a general remedy; findings carry the specific fix for what was seen */
  fix: string | null;
  wcag: { level: "A" | "AA"; criteria: string[] } | null;
}

const AXE_PREFIX = "axe-";

export function ruleInfo(rule: string): RuleInfo | null {
  const def = allChecks.find((c) => c.rule === rule);
  if (!def) return null;
  const axe = rule.startsWith(AXE_PREFIX) ? AXE_RULES.find((r) => `${AXE_PREFIX}${r.id}` === rule) : undefined;
  const axeId = axe?.id;
  return {
    rule: def.rule,
    pillar: def.pillar,
    severity: def.severity,
    title: def.title,
    weight: def.weight,
    scope: def.scope,
    checks: axe
      ? `${axe.help}. Checked by axe-core on every loaded page.`
      : `${def.title}. Checked ${def.scope === "page" ? "on every loaded page" : "once per site"}.`,
    fix: axeId ? (AXE_FIX_GUIDANCE[axeId] ?? null) : null,
    wcag: axe?.level ? { level: axe.level, criteria: axe.wcag } : null,
  };
}

export function allRules(): RuleInfo[] {
  return allChecks.map((c) => ruleInfo(c.rule)).filter((r): r is RuleInfo => r !== null);
}
