// The export formats, apart from the zod model: client components import this file, and pulling the model (zod)
// into the browser bundle makes zod probe for eval, which the CSP forbids.
export const REPORT_FORMATS = ["pdf", "csv", "json", "sarif", "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a portfolio report (several domains) exports to: SARIF describes one code base, so it is left out. */
export const PORTFOLIO_FORMATS = ["pdf", "csv", "json", "markdown"] as const satisfies readonly ReportFormat[];
