import { z } from "zod";
import { timestamp } from "../schemas/common";
import { severitySchema } from "../schemas/enums";

// A domain's composed public result: the shape GET /domains/{id} returns as `result` (and the badge, the
// directory and the domain page draw from the same composition).

const pillarResultSchema = z
  .object({
    state: z.enum(["scored", "not_applicable", "never_scanned"]).meta({
      description: "`never_scanned`: no counting scan covered this pillar; `not_applicable`: covered, but no check applied.",
    }),
    score: z.number().int().nullable().meta({ description: "0–100, from `scan_id`." }),
    scan_id: z.string().nullable().meta({ description: "The latest finished scan that covered this pillar with at least `page_count` pages." }),
    scanned_at: timestamp.nullable().meta({ description: "When that scan finished." }),
  })
  .meta({ id: "PillarResult" });

export const securityTestSchema = z
  .object({
    rule: z.string(),
    title: z.string(),
    outcome: z.enum(["pass", "fail", "n/a", "error"]),
    severity: severitySchema.nullable().meta({ description: "The worst severity it failed with." }),
    modifier: z.number().int().meta({ description: "Points it changed the security score by (0 or negative)." }),
  })
  .meta({ id: "SecurityTest" });

export const securityTestsSchema = z
  .object({
    tests: z.array(securityTestSchema),
    bonus: z.number().int().meta({ description: "+5 when no test failed at low severity or above." }),
    score: z.number().int().meta({ description: "100 + modifiers + bonus, at least 0." }),
    grade: z.string(),
  })
  .meta({ id: "SecurityTests", description: "How the security grade was reached, Mozilla Observatory style." });

const severityCounts = z.object({
  critical: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
  info: z.number().int(),
});

export const domainResultSchema = z
  .object({
    score: z.number().int().nullable().meta({ description: "Mean of the scored pillars; null before any counting scan." }),
    grade: z.string().nullable().meta({ description: "A+..F from `score`, capped by `cap` when it applies." }),
    score_grade: z.string().nullable().meta({ description: "The grade of the score alone, before the cap." }),
    cap: z
      .object({
        severity: severitySchema.meta({ description: "The worst severity among open, in-progress and accepted-risk findings." }),
        grade: z.string().meta({ description: "The best grade that severity allows (critical D, high C, medium B, low A)." }),
        findings: z.number().int().meta({ description: "How many such findings have that severity." }),
        applied: z.boolean().meta({ description: "Whether the cap lowered the grade." }),
      })
      .nullable()
      .meta({ description: "Null when no open, in-progress or accepted-risk finding above info exists. False positives and resolved findings never cap." }),
    capping_findings: severityCounts.meta({ description: "Open, in-progress and accepted-risk findings of the domain, by severity." }),
    security_grade: z.string().nullable().meta({ description: "From the scan that gave the security pillar." }),
    security_tests: securityTestsSchema.nullable(),
    page_count: z.number().int().meta({ description: "The domain's page count: scans with a smaller page budget do not count." }),
    scanned_at: timestamp.nullable().meta({ description: "The newest of the pillars' scans." }),
    last_scan_id: z.string().nullable(),
    pillars: z.object({
      accessibility: pillarResultSchema,
      security: pillarResultSchema,
      cookies: pillarResultSchema,
      trackers: pillarResultSchema,
      privacy: pillarResultSchema,
      performance: pillarResultSchema,
      seo: pillarResultSchema,
    }),
  })
  .meta({
    id: "DomainResult",
    description:
      "The domain's public result, composed per pillar: each pillar from the latest succeeded scan (manual, " +
      "scheduled or API; never a re-check of single findings) that covered it with at least `page_count` pages. " +
      "Performance uses the scanner's single (mobile-sized) profile.",
  });
