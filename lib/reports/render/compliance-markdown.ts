// The compliance section in Markdown: one table per framework, then the WCAG 2.2 AA summary and its
// accessibility statement draft (in a fence: it is a draft to copy, and finding titles inside it are text).
import { mdFence, mdInline } from "@/lib/scanner/output/markdown";
import type { ReportCompliance } from "../compliance-schema";

const MAX_FINDINGS_PER_ROW = 5;

export function renderComplianceMarkdown(c: ReportCompliance): string {
  const lines: string[] = ["## Compliance by framework", ""];
  lines.push(
    "Failing findings (open, in progress or accepted risk) grouped by the requirement they evidence. Automated checks show where a requirement fails; they cannot prove it is met.",
    "",
  );
  for (const fw of c.frameworks) {
    lines.push(`### ${mdInline(fw.name)}`, "");
    if (fw.requirements.length === 0) {
      lines.push("No failing finding evidences a requirement of this framework.", "");
      continue;
    }
    lines.push("| Requirement | Findings |", "| --- | --- |");
    for (const r of fw.requirements) {
      const shown = r.findings.slice(0, MAX_FINDINGS_PER_ROW).map((f) => `${f.severity}: ${mdInline(f.title)}`);
      const more = r.findings.length - shown.length;
      const req = `${mdInline(r.id)}${r.title !== r.id ? ` ${mdInline(r.title)}` : ""}${r.level ? ` (${r.level})` : ""}`;
      // mdInline escapes "|" too, so a title cannot add a table column.
      lines.push(`| ${req} | ${[...shown, ...(more > 0 ? [`and ${more} more`] : [])].join("; ")} |`);
    }
    lines.push("");
  }
  const w = c.wcag_aa;
  lines.push(
    "### WCAG 2.2 AA conformance summary",
    "",
    `- Failed: ${w.failed.length} criteria${w.failed.length ? ` (${w.failed.map((x) => x.id).join(", ")})` : ""}`,
    `- Passed automated tests: ${w.passed.length} criteria`,
    `- Not tested (needs a manual review): ${w.not_tested.length} criteria`,
    ...(w.incomplete ? ["- Some pages could not be tested automatically: results are incomplete."] : []),
    "",
    "Accessibility statement draft:",
    "",
    mdFence(w.statement_draft),
    "",
  );
  return lines.join("\n");
}
