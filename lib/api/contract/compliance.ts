import { z } from "zod";
import { FRAMEWORKS } from "@/lib/compliance/frameworks";
import { defineContract } from "../define-contract";
import { idParam } from "../schemas/common";
import { findingStatusSchema, pillarSchema, severitySchema } from "../schemas/enums";

const complianceFindingSchema = z.object({
  id: z.string(),
  rule: z.string(),
  title: z.string(),
  severity: severitySchema,
  status: findingStatusSchema,
  pillar: pillarSchema,
});

const requirementSchema = z
  .object({
    id: z.string().meta({ description: "Criterion, requirement, category, article or CWE id: `1.4.3`, `V14.4.3`, `A05:2021`, `GDPR Art. 6(1)(a)`, `CWE-319`." }),
    title: z.string(),
    level: z.enum(["A", "AA", "AAA"]).optional().meta({ description: "WCAG only." }),
    findings: z.array(complianceFindingSchema),
  })
  .meta({ id: "ComplianceRequirement" });

const criterionSchema = z.object({ id: z.string(), title: z.string(), level: z.enum(["A", "AA", "AAA"]), findings: z.array(complianceFindingSchema) });

export const scanComplianceSchema = z
  .object({
    scan_id: z.string(),
    framework: z.enum(FRAMEWORKS),
    framework_name: z.string(),
    requirements: z.array(requirementSchema).meta({ description: "Requirements with at least one open, in-progress or accepted-risk finding, in id order." }),
    unmapped_findings: z.number().int().meta({ description: "Failing findings whose rule evidences nothing in this framework." }),
    conformance: z
      .object({
        standard: z.literal("WCAG 2.2"),
        target_level: z.literal("AA"),
        failed: z.array(criterionSchema),
        passed: z.array(criterionSchema).meta({ description: "Tested by an automated rule of a scanned pillar, nothing failing." }),
        not_tested: z.array(criterionSchema).meta({ description: "No automated rule covers it (or its pillar was not scanned): needs a manual review." }),
        incomplete: z.boolean().meta({ description: "axe-core could not run on some page." }),
        statement_draft: z.string().meta({ description: "Plain-text accessibility statement draft, with placeholders in [brackets]." }),
      })
      .nullable()
      .meta({ description: "`framework=wcag22` only: the WCAG 2.2 AA conformance summary." }),
  })
  .meta({ id: "ScanCompliance" });

export const scanComplianceContract = defineContract({
  id: "scans.compliance",
  method: "GET",
  path: "/api/v1/scans/{id}/compliance",
  summary: "Group a scan's findings by a compliance framework",
  description:
    "Every scanner rule maps to what it evidences: WCAG 2.2 success criteria (with level), OWASP ASVS 4.0.3 requirements, " +
    "OWASP Top 10 (2021) categories, GDPR/ePrivacy articles and CWE ids. `framework=wcag22` adds the WCAG 2.2 AA " +
    "conformance summary (criteria failed, passed, not tested) and an accessibility statement draft. Automated checks " +
    "evidence failures; a pass only means no automated rule found a failure.",
  tags: ["scans"],
  auth: "key-or-session",
  scope: "scans:read",
  params: idParam,
  query: z.object({ framework: z.enum(FRAMEWORKS).default("wcag22").meta({ description: "wcag22 (default), asvs, owasp-top10, gdpr or cwe." }) }),
  response: { kind: "json", schema: scanComplianceSchema },
});
