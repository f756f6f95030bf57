import { z } from "zod";
import { defineContract } from "../define-contract";
import { timestamp } from "../schemas/common";
import { pillarSchema, severitySchema } from "../schemas/enums";

// The organization overview (the dashboard home's data): per-pillar heatmap, pillar trends, worst pages and
// the most common problems across domains, all read from lib/services/overview.

const PILLAR_KEYS = pillarSchema.options;

const severityCounts = z.object({
  critical: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
  info: z.number().int(),
});

const heatmapCell = z
  .object({
    state: z.enum(["scored", "not_applicable", "never_scanned"]),
    score: z.number().int().nullable(),
    scan_id: z.string().nullable(),
  })
  .meta({ id: "OverviewHeatmapCell" });

const pillarCells = z.object(Object.fromEntries(PILLAR_KEYS.map((p) => [p, heatmapCell])) as Record<(typeof PILLAR_KEYS)[number], typeof heatmapCell>);
const pillarScores = z
  .object(Object.fromEntries(PILLAR_KEYS.map((p) => [p, z.number().int().optional()])) as Record<(typeof PILLAR_KEYS)[number], z.ZodOptional<z.ZodNumber>>)
  .meta({ description: "Per pillar, the mean over the domains scored by then; a pillar no domain had is absent." });

export const overviewSchema = z
  .object({
    heatmap: z.object({
      total: z.number().int().meta({ description: "The organization's domains; `domains` holds the 50 lowest-scoring." }),
      domains: z.array(
        z.object({
          domain_id: z.string(),
          hostname: z.string(),
          verified: z.boolean(),
          score: z.number().int().nullable(),
          grade: z.string().nullable(),
          pillars: pillarCells,
        }),
      ),
    }),
    trend: z.object({
      range_days: z.number().int(),
      bucket_days: z.number().int().meta({ description: "Days each point stands for (1, 3 or 7)." }),
      pillars: z.array(pillarSchema).meta({ description: "Pillars with a value at some point." }),
      points: z.array(
        z.object({
          at: timestamp.meta({ description: "End of the bucket: the composition as of this moment." }),
          domains: z.number().int().meta({ description: "Domains with at least one scored pillar by then." }),
          scores: pillarScores,
        }),
      ),
    }),
    worst_pages: z.array(
      z.object({
        domain_id: z.string(),
        hostname: z.string(),
        scan_id: z.string(),
        url: z.string(),
        score: z.number().int().nullable().meta({ description: "The page's own performance score." }),
        severities: severityCounts,
      }),
    ),
    common_problems: z.array(
      z.object({
        rule: z.string(),
        pillar: pillarSchema,
        title: z.string(),
        severity: severitySchema.meta({ description: "The worst among its open findings." }),
        domains: z.number().int(),
        findings: z.number().int(),
        instances: z.number().int(),
      }),
    ),
    open_by_severity: severityCounts.meta({ description: "Open and in-progress findings by severity." }),
  })
  .meta({ id: "Overview" });

export const getOverviewContract = defineContract({
  id: "overview.get",
  method: "GET",
  path: "/api/v1/overview",
  summary: "Organization overview",
  description:
    "Per-pillar scores of every domain (the same composition as `GET /domains/{id}`), pillar trends over the last " +
    "30, 90 or 365 days (averaged over the domains, or one domain's with `domain_id`), the worst pages of each " +
    "domain's latest scan and the rules open on the most domains.",
  tags: ["domains"],
  auth: "key-or-session",
  scope: "domains:read",
  query: z.object({
    range: z.enum(["30", "90", "365"]).default("30").meta({ description: "Trend window in days." }),
    domain_id: z.string().min(1).max(64).optional().meta({ description: "One domain's trend instead of the average." }),
  }),
  response: { kind: "json", schema: overviewSchema },
});
