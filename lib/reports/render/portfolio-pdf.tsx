// A portfolio report printed by Chromium, the way pdf.tsx prints a one-domain report: static HTML from
// react-dom/server, JavaScript off, every request refused except data: URLs, page numbers in the footer. Each
// domain starts a new page (print CSS in the view).
import type { ReactElement } from "react";
import { PortfolioView } from "@/components/reports/portfolio-view";
import { launchBrowser } from "@/lib/scanner/gather/browser";
import type { ReportBranding } from "../model";
import type { PortfolioModel } from "../portfolio-model";
import type { PdfOptions } from "./pdf";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

// Outside the bundle, as in pdf.tsx: Next.js refuses react-dom/server in the app's server graph.
async function renderStatic(el: ReactElement): Promise<string> {
  const mod = (await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ "react-dom/server")) as typeof import("react-dom/server");
  return mod.renderToStaticMarkup(el);
}

export async function portfolioHtml(model: PortfolioModel, opts: { branding?: ReportBranding | null; paper?: PdfOptions["paper"] } = {}): Promise<string> {
  const body = await renderStatic(<PortfolioView model={model} branding={opts.branding} />);
  const size = opts.paper === "letter" ? "Letter" : "A4";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title><style>@page{size:${size};margin:14mm 12mm 18mm}html,body{margin:0;background:#fff}</style></head><body>${body}</body></html>`;
}

export async function renderPortfolioPdf(model: PortfolioModel, opts: Pick<PdfOptions, "paper" | "branding" | "chromePath" | "registry" | "browser"> = {}): Promise<Buffer> {
  const html = await portfolioHtml(model, opts);
  const launched = opts.browser ?? (await launchBrowser({ chromePath: opts.chromePath, registry: opts.registry }));
  const page = await launched.browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on("request", (req) => {
      if (req.url().startsWith("data:")) void req.continue();
      else void req.abort("blockedbyclient");
    });
    await page.setContent(html, { waitUntil: "load", timeout: 60_000 });
    await page.emulateMediaType("print");
    const footer = escapeHtml((opts.branding?.footer ?? model.title).slice(0, 200));
    return Buffer.from(
      await page.pdf({
        format: opts.paper === "letter" ? "letter" : "a4",
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="font-size:8px;color:#475569;width:100%;padding:0 12mm;display:flex;justify-content:space-between;font-family:sans-serif"><span>${footer}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
        timeout: 120_000,
      }),
    );
  } finally {
    await page.close().catch(() => undefined);
    if (!opts.browser) await launched.close();
  }
}
