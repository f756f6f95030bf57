// CSV: one row per finding instance (a finding without listed instances gets one row with empty instance
// columns). RFC 4180: CRLF line ends, every field quoted when it holds a comma, quote, CR or LF, quotes
// doubled. Spreadsheet formula injection is neutralised: a cell starting with = + - @ TAB or CR gets a
// leading apostrophe, so text from a scanned site never runs as a formula when the file is opened.
import type { ReportModel } from "../model";

/** The columns, in order. Stable: add new ones at the end only (README documents them). */
export const CSV_COLUMNS = [
  "finding_id",
  "fingerprint",
  "pillar",
  "rule",
  "severity",
  "status",
  "title",
  "page_url",
  "selector",
  "asset",
  "snippet",
  "pages_count",
  "instances_count",
  "first_seen_at",
  "last_seen_at",
  "description",
  "fix",
] as const;

export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const s = typeof value === "number" ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(model: ReportModel): string {
  const lines: string[] = [CSV_COLUMNS.join(",")];
  for (const f of model.findings) {
    const instances = f.instances.length > 0 ? f.instances : [{ url: f.url, selector: null, asset: null, snippet: null }];
    for (const i of instances) {
      const row: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
        finding_id: f.id,
        fingerprint: f.fingerprint,
        pillar: f.pillar,
        rule: f.rule,
        severity: f.severity,
        status: f.status,
        title: f.title,
        page_url: i.url,
        selector: i.selector,
        asset: i.asset,
        snippet: i.snippet,
        pages_count: f.pages_count,
        instances_count: f.instances_count,
        first_seen_at: f.first_seen_at,
        last_seen_at: f.last_seen_at,
        description: f.description,
        fix: f.fix,
      };
      lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(","));
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
