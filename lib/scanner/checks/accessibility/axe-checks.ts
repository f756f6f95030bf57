// One CheckDefinition per WCAG A/AA axe rule (rule id "axe-<axe rule id>"). Each failing element becomes a
// site-wide result keyed by its selector, so the same element of a shared layout or template dedups into
// one finding listing every page it fails on. Pass vs n/a follows axe: a rule in `passes` passed; one only in `inapplicable`/`incomplete`, or
// not run at all, is n/a (weighs 0 in the pillar score, as in Lighthouse).
import type { AxeViolation, CheckDefinition, CheckResult, PageArtifacts } from "../../types";
import { fail } from "../shared/result";
import { AXE_FIX_GUIDANCE } from "./axe-fix-guidance";
import { BEST_PRACTICE_SEVERITY, BEST_PRACTICE_WEIGHT, IMPACT_SEVERITY, IMPACT_WEIGHT, type AxeRuleMeta } from "./axe-rule-meta";
import { AXE_RULES } from "./axe-rules";

export const AXE_RULE_PREFIX = "axe-";

/** Beyond this many failing elements of one rule on one page, further ones add noise, not information. */
export const MAX_NODES_PER_RULE = 25;

/** axe targets are one selector per frame / shadow boundary; joined so the key stays one string. */
export function axeSelector(target: string[]): string {
  return target.join(" >> ");
}

/** The axe result a page can be judged on: present and not errored (errors surface via `axe-run`). */
export function usableAxe(page: PageArtifacts | undefined) {
  const axe = page?.axe;
  if (!axe || axe.error) return null;
  return axe;
}

function describe(meta: AxeRuleMeta, v: AxeViolation, total: number): string {
  const parts =
    meta.kind === "best-practice"
      ? [
          `${v.description.replace(/\.?$/, ".")} Best practice (axe-core), not a WCAG failure.`,
          "Following it makes the page easier to navigate with assistive technology.",
        ]
      : [
          `${v.description.replace(/\.?$/, ".")} Fails ${meta.wcag.length > 0 ? `WCAG 2 success criterion ${meta.wcag.join(", ")} (level ${meta.level})` : `WCAG 2 level ${meta.level}`}.`,
          "Assistive-technology users (screen readers, keyboard-only, low vision) cannot reliably perceive or operate this element.",
        ];
  if (total > MAX_NODES_PER_RULE) {
    parts.push(`${total} elements on this page fail this rule; the first ${MAX_NODES_PER_RULE} are reported.`);
  }
  return parts.join(" ");
}

function fixText(meta: AxeRuleMeta, v: AxeViolation): string {
  const guidance = AXE_FIX_GUIDANCE[meta.id] ?? `${v.help}. Follow the failure summary in the evidence for this element.`;
  return `${guidance} Reference: ${v.helpUrl}`;
}

export function axeRuleCheck(meta: AxeRuleMeta): CheckDefinition {
  const def: CheckDefinition = {
    rule: `${AXE_RULE_PREFIX}${meta.id}`,
    pillar: "accessibility",
    severity: meta.kind === "best-practice" ? BEST_PRACTICE_SEVERITY : IMPACT_SEVERITY[meta.impact],
    weight: meta.kind === "best-practice" ? BEST_PRACTICE_WEIGHT : IMPACT_WEIGHT[meta.impact],
    title: meta.kind === "best-practice" ? `Best practice: ${meta.help}` : meta.help,
    scope: "page",
    run(ctx) {
      const page = ctx.page;
      const axe = usableAxe(page);
      if (!page || !axe) return "n/a";
      const violation = axe.violations.find((v) => v.id === meta.id);
      if (!violation || violation.nodes.length === 0) return axe.passes.includes(meta.id) ? [] : "n/a";
      const severity = meta.kind === "best-practice" ? BEST_PRACTICE_SEVERITY : IMPACT_SEVERITY[violation.impact ?? meta.impact];
      const description = describe(meta, violation, violation.nodes.length);
      const fix = fixText(meta, violation);
      const results: CheckResult[] = [];
      const seen = new Set<string>();
      for (const node of violation.nodes) {
        if (results.length >= MAX_NODES_PER_RULE) break;
        const selector = axeSelector(node.target);
        if (seen.has(selector)) continue;
        seen.add(selector);
        results.push(
          fail(def, {
            url: page.url,
            severity,
            title: meta.kind === "best-practice" ? `Best practice: ${violation.help || meta.help}` : violation.help || meta.help,
            description,
            fix,
            evidence: [node.html, node.failureSummary].filter(Boolean).join("\n\n"),
            selector,
            key: selector,
            // Layout elements (header, nav, footer) fail identically on every page: one finding, many URLs.
            siteWide: true,
          }),
        );
      }
      return results;
    },
  };
  return def;
}

export const axeChecks: CheckDefinition[] = AXE_RULES.map(axeRuleCheck);

/**
 * Surfaces an axe failure on a page as a check error (the engine records it, the scan goes on) instead of
 * silently scoring the page as clean. Weight 0: it says nothing about the site itself.
 */
export const axeRunCheck: CheckDefinition = {
  rule: "axe-run",
  pillar: "accessibility",
  severity: "info",
  weight: 0,
  title: "axe-core ran on the page",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null) return "n/a";
    if (page.axe?.error) throw new Error(`axe-core failed on ${page.url}: ${page.axe.error.slice(0, 300)}`);
    if (!page.axe) throw new Error(`axe-core produced no result on ${page.url}`);
    return [];
  },
};
