import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import { DEVICES, type DeviceName } from "@/lib/scanner/devices";

// ScanPage.deviceMetrics as recordScanResults wrote it (the scanner's ScanResultPageDevice list); read back
// through zod so a malformed row shows as missing numbers, never as a crash.
const metricsSchema = z.object({
  ttfb: z.number().nullable(),
  fcp: z.number().nullable(),
  lcp: z.number().nullable(),
  cls: z.number().nullable(),
  tbt: z.number().nullable(),
  load: z.number().nullable(),
  bytes: z.number(),
  requests: z.number(),
});
const deviceLoadsSchema = z.array(
  z.object({ device: z.enum(DEVICES), status: z.number().nullable(), metrics: metricsSchema.optional(), performance_score: z.number().optional() }),
);

export interface DeviceSummary {
  device: DeviceName;
  pages: number;
  /** mean of the pages' performance scores (the scan's performance pillar for that device) */
  performanceScore: number | null;
  /** medians over the pages that reported the metric */
  fcpMs: number | null;
  lcpMs: number | null;
  cls: number | null;
  tbtMs: number | null;
  ttfbMs: number | null;
  bytes: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Per-device metrics of a scan of several devices, for the side-by-side view (pages' deviceMetrics). Pure. */
export function summarizeDevices(pages: { deviceMetrics: unknown }[]): DeviceSummary[] {
  const loads = new Map<DeviceName, { score: number[]; fcp: number[]; lcp: number[]; cls: number[]; tbt: number[]; ttfb: number[]; bytes: number[]; pages: number }>();
  for (const p of pages) {
    const parsed = deviceLoadsSchema.safeParse(p.deviceMetrics);
    if (!parsed.success) continue;
    for (const l of parsed.data) {
      const acc = loads.get(l.device) ?? { score: [], fcp: [], lcp: [], cls: [], tbt: [], ttfb: [], bytes: [], pages: 0 };
      if (l.status !== null) acc.pages++;
      if (l.performance_score !== undefined) acc.score.push(l.performance_score);
      const m = l.metrics;
      if (m) {
        if (m.fcp !== null) acc.fcp.push(m.fcp);
        if (m.lcp !== null) acc.lcp.push(m.lcp);
        if (m.cls !== null) acc.cls.push(m.cls);
        if (m.tbt !== null) acc.tbt.push(m.tbt);
        if (m.ttfb !== null) acc.ttfb.push(m.ttfb);
        acc.bytes.push(m.bytes);
      }
      loads.set(l.device, acc);
    }
  }
  return DEVICES.filter((d) => loads.has(d)).map((device) => {
    const a = loads.get(device)!;
    return {
      device,
      pages: a.pages,
      performanceScore: a.score.length ? Math.round(a.score.reduce((n, v) => n + v, 0) / a.score.length) : null,
      fcpMs: median(a.fcp),
      lcpMs: median(a.lcp),
      cls: median(a.cls),
      tbtMs: median(a.tbt),
      ttfbMs: median(a.ttfb),
      bytes: median(a.bytes),
    };
  });
}

/** The findings of a scan that depend on the device, with the devices that showed them. Org-scoped. */
export async function listDeviceFindings(input: { orgId: string; scanId: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const rows = await db.findingOccurrence.findMany({
    where: { scanId: input.scanId, devices: { isEmpty: false }, finding: { organizationId: input.orgId } },
    select: { devices: true, finding: { select: { id: true, title: true, rule: true, severity: true, pillar: true } } },
    orderBy: { findingId: "asc" },
    take: 200,
  });
  return rows.map((r) => ({ ...r.finding, devices: r.devices }));
}
