// The report's optional `compliance` part: failing findings grouped by the standards they evidence
// (lib/compliance) and the WCAG 2.2 AA conformance summary worded as an accessibility statement draft.
// zod only (no scanner imports): the model schema includes it; lib/reports/compliance.ts builds it.
import { z } from "zod";
import { FRAMEWORKS } from "@/lib/compliance/frameworks";
import { PILLARS, SEVERITIES } from "@/lib/scanner/types";

const level = z.enum(["A", "AA", "AAA"]);

export const reportComplianceFindingSchema = z.object({
  id: z.string().describe("the finding's id in `findings`"),
  rule: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  pillar: z.enum(PILLARS),
});

export const reportRequirementSchema = z.object({
  id: z.string().describe('the requirement as the standard names it: "1.4.3", "V14.4.3", "A05:2021", "GDPR Art. 7", "CWE-319"'),
  title: z.string(),
  level: level.nullable().describe("WCAG level; null for other standards"),
  findings: z.array(reportComplianceFindingSchema).describe("failing findings (open, in progress or accepted risk), worst first"),
});

export const reportFrameworkSchema = z.object({
  framework: z.enum(FRAMEWORKS),
  name: z.string(),
  requirements: z.array(reportRequirementSchema).describe("requirements with at least one failing finding, in id order"),
});

const criterion = z.object({
  id: z.string(),
  title: z.string(),
  level,
  finding_ids: z.array(z.string()),
});

export const reportWcagConformanceSchema = z.object({
  standard: z.literal("WCAG 2.2"),
  target_level: z.literal("AA"),
  failed: z.array(criterion).describe("a failing finding evidences it"),
  passed: z.array(criterion).describe("an automated rule of a scanned pillar tests it and nothing fails"),
  not_tested: z.array(criterion).describe("no automated rule tests it: it needs a manual review"),
  incomplete: z.boolean().describe("axe could not run on some page: the results are incomplete"),
  statement_draft: z.string().describe("plain text: an accessibility statement draft to review and complete"),
});

export const reportComplianceSchema = z.object({
  frameworks: z.array(reportFrameworkSchema).describe("every supported framework, in a fixed order, even when nothing fails"),
  wcag_aa: reportWcagConformanceSchema,
});

export type ReportCompliance = z.infer<typeof reportComplianceSchema>;
export type ReportFramework = z.infer<typeof reportFrameworkSchema>;
