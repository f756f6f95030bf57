// A scan of several devices: each device's metrics side by side, then the findings that differ by device.
// Server-rendered, no client code. Site text (titles) is rendered as text, never as HTML.
import type { DeviceSummary } from "@/lib/services/scans/summarize-devices";

const LABEL: Record<string, string> = { mobile: "Mobile (412 px, touch)", desktop: "Desktop (1350 px)" };
const ms = (v: number | null) => (v === null ? "—" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const kb = (v: number | null) => (v === null ? "—" : v >= 1024 * 1024 ? `${(v / 1024 / 1024).toFixed(1)} MB` : `${Math.round(v / 1024)} KB`);

const ROWS: { label: string; title: string; value: (d: DeviceSummary) => string }[] = [
  { label: "Performance score", title: "Mean of the pages' performance scores, 0–100", value: (d) => (d.performanceScore === null ? "—" : String(d.performanceScore)) },
  { label: "First Contentful Paint", title: "Median over the pages", value: (d) => ms(d.fcpMs) },
  { label: "Largest Contentful Paint", title: "Median over the pages", value: (d) => ms(d.lcpMs) },
  { label: "Cumulative Layout Shift", title: "Median over the pages", value: (d) => (d.cls === null ? "—" : d.cls.toFixed(3)) },
  { label: "Total Blocking Time", title: "Median over the pages", value: (d) => ms(d.tbtMs) },
  { label: "Time to first byte", title: "Median over the pages", value: (d) => ms(d.ttfbMs) },
  { label: "Page weight", title: "Median over the pages", value: (d) => kb(d.bytes) },
];

export function DeviceComparison(props: {
  devices: DeviceSummary[];
  findings: { id: string; title: string; rule: string; severity: string; devices: string[] }[];
  findingHref: (id: string) => string;
}) {
  const { devices, findings } = props;
  return (
    <div className="space-y-6">
      <div className="overflow-x-auto">
        <table className="w-full min-w-0 text-sm" data-testid="device-metrics">
          <caption className="sr-only">Metrics of each device, side by side</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="py-2 pr-3 font-medium text-slate-700">Metric</th>
              {devices.map((d) => (
                <th key={d.device} scope="col" className="py-2 pr-3 text-right font-medium text-slate-700">
                  {LABEL[d.device] ?? d.device}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.label} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-3 text-left font-normal text-slate-700" title={r.title}>
                  {r.label}
                </th>
                {devices.map((d) => (
                  <td key={d.device} className="py-2 pr-3 text-right tabular-nums text-slate-900">
                    {r.value(d)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Findings that depend on the device</h3>
        {findings.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">None: every device-dependent check passed on every device.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm" data-testid="device-findings">
            {findings.map((f) => (
              <li key={f.id} className="flex flex-wrap items-baseline gap-2 break-words">
                <a href={props.findingHref(f.id)} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                  {f.title}
                </a>
                <span className="text-slate-600">({f.rule}, {f.severity})</span>
                {f.devices.map((d) => (
                  <span key={d} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-800">
                    {d}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
