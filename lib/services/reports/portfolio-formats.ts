import { PORTFOLIO_FORMATS, type ReportFormat } from "@/lib/reports/report-formats";
import { ServiceError } from "../errors";

export { PORTFOLIO_FORMATS };
/** Domains one portfolio report covers (each is a page of the PDF and a model build at export time). */
export const PORTFOLIO_MAX_DOMAINS = 25;
export const PORTFOLIO_MIN_DOMAINS = 2;

export function isPortfolio(portfolioDomainIds: readonly string[]): boolean {
  return portfolioDomainIds.length > 0;
}

/** 422 when a portfolio report is asked for a format it has no renderer for. */
export function assertFormatFits(portfolioDomainIds: readonly string[], format: ReportFormat, path: string): void {
  if (isPortfolio(portfolioDomainIds) && !(PORTFOLIO_FORMATS as readonly string[]).includes(format)) {
    const message = `A portfolio report exports to ${PORTFOLIO_FORMATS.join(", ")}; not ${format}.`;
    throw new ServiceError("invalid_params", message, { issues: [{ path: ["body", path], message, code: "custom" }] });
  }
}
