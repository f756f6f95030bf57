// A portfolio report's text formats: JSON (the model), CSV (one row per domain, ranked) and Markdown. The PDF
// is portfolio-pdf.tsx. Same CSV rules as the one-domain export (RFC 4180, formula injection neutralised).
import { PILLARS, SEVERITIES } from "@/lib/scanner/types";
import type { ReportBranding } from "../model";
import { portfolioModelSchema, type PortfolioModel } from "../portfolio-model";
import { csvField } from "./csv";
import { FORMAT_FILE } from "./index";
import type { PdfOptions } from "./pdf";

/** Stable columns: add new ones at the end only (README documents them). */
export const PORTFOLIO_CSV_COLUMNS = [
  "rank",
  "domain_id",
  "host",
  "state",
  "grade",
  "score",
  "security_grade",
  ...PILLARS.map((p) => `${p}_score`),
  "open_findings",
  ...SEVERITIES.map((s) => `open_${s}`),
  "pages_scanned",
  "last_scanned_at",
  "top_fix",
] as const;

export function renderPortfolioJson(model: PortfolioModel): string {
  return `${JSON.stringify(portfolioModelSchema.parse(model), null, 2)}\n`;
}

export function renderPortfolioCsv(model: PortfolioModel): string {
  const lines: string[] = [PORTFOLIO_CSV_COLUMNS.join(",")];
  for (const d of model.domains) {
    const byPillar = new Map(d.pillars.map((p) => [p.pillar, p.score]));
    const cells: (string | number | null)[] = [
      d.rank,
      d.domain_id,
      d.host,
      d.state,
      d.grade,
      d.score,
      d.security_grade,
      ...PILLARS.map((p) => byPillar.get(p) ?? null),
      d.open_findings,
      ...SEVERITIES.map((s) => d.open_by_severity[s]),
      d.pages_scanned,
      d.last_scanned_at,
      d.top_fixes[0]?.title ?? null,
    ];
    lines.push(cells.map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

// Markdown: site text goes inside code spans or is stripped of characters that would start markup.
function md(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`).replace(/\s+/g, " ").trim();
}

export function renderPortfolioMarkdown(model: PortfolioModel): string {
  const out: string[] = [`# ${md(model.title)}`, "", `Generated ${model.generated_at}. ${model.summary.domains} domains, average score ${model.summary.average_score ?? "—"}, ${model.summary.open_findings} open findings.`, ""];
  out.push("| Rank | Domain | Grade | Score | Open | Critical | High |", "| ---: | --- | :---: | ---: | ---: | ---: | ---: |");
  for (const d of model.domains) out.push(`| ${d.rank ?? "—"} | ${md(d.host)} | ${d.grade ?? "—"} | ${d.score ?? "—"} | ${d.open_findings} | ${d.open_by_severity.critical} | ${d.open_by_severity.high} |`);
  for (const d of model.domains) {
    out.push("", `## ${md(d.host)}`, "", ...d.highlights.map((h) => `- ${md(h)}`));
    if (d.top_fixes.length) {
      out.push("", "Top fixes:", "");
      for (const f of d.top_fixes) out.push(`${f.rank}. **${md(f.title)}** (${f.severity}, ${f.pages_affected} page${f.pages_affected === 1 ? "" : "s"}) — ${md(f.fix)}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/** Every portfolio format (pdf, csv, json, markdown); the PDF is loaded on demand like the one-domain PDF. */
export async function renderPortfolio(
  model: PortfolioModel,
  format: "pdf" | "csv" | "json" | "markdown",
  opts: { branding?: ReportBranding | null; pdf?: Omit<PdfOptions, "sections" | "branding" | "rulesBaseUrl" | "onProgress"> } = {},
): Promise<{ bytes: Buffer; contentType: string; extension: string }> {
  let bytes: Buffer;
  if (format === "csv") bytes = Buffer.from(renderPortfolioCsv(model), "utf8");
  else if (format === "json") bytes = Buffer.from(renderPortfolioJson(model), "utf8");
  else if (format === "markdown") bytes = Buffer.from(renderPortfolioMarkdown(model), "utf8");
  else {
    const { renderPortfolioPdf } = await import("./portfolio-pdf");
    bytes = await renderPortfolioPdf(model, { ...opts.pdf, branding: opts.branding });
  }
  return { bytes, ...FORMAT_FILE[format] };
}
