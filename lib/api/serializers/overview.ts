import type { z } from "zod";
import type { overviewSchema } from "@/lib/api/contract/overview";
import type { Overview } from "@/lib/services/overview/get-overview";
import { PILLARS } from "@/lib/scanner/types";

type Out = z.input<typeof overviewSchema>;

export function serializeOverview(o: Overview): Out {
  return {
    heatmap: {
      total: o.heatmap.total,
      domains: o.heatmap.rows.map((r) => ({
        domain_id: r.domainId,
        hostname: r.host,
        verified: r.verified,
        score: r.score,
        grade: r.grade,
        pillars: Object.fromEntries(PILLARS.map((p) => [p, { state: r.pillars[p].state, score: r.pillars[p].score, scan_id: r.pillars[p].scanId }])) as Out["heatmap"]["domains"][number]["pillars"],
      })),
    },
    trend: {
      range_days: o.trend.range,
      bucket_days: o.trend.bucketDays,
      pillars: o.trend.pillars,
      points: o.trend.points.map((p) => ({ at: p.at.toISOString(), domains: p.domains, scores: { ...p.scores } })),
    },
    worst_pages: o.worstPages.map((p) => ({ domain_id: p.domainId, hostname: p.host, scan_id: p.scanId, url: p.url, score: p.score, severities: { ...p.severities } })),
    common_problems: o.commonProblems.map((c) => ({ ...c })),
    open_by_severity: { ...o.openBySeverity },
  };
}
