// PDF: the report view rendered to static HTML (react-dom/server) and printed by Chromium (page.setContent +
// page.pdf), A4 or Letter, page numbers in the footer, a table of contents with page numbers, rows and finding
// blocks never cut (print CSS in report-view-css.ts). The page is offline: JavaScript off and every request
// refused except data: URLs, so nothing in a report (a hostile snippet, a logo URL) reaches the network.
//
// The table of contents needs the pages sections land on, which only the printed PDF knows: print once, read
// each page's text back (unpdf), find where each section's heading starts, write the numbers in, print again.
// The numbers sit in spans that exist (empty) in the first print, so the layout does not move.
import type { ReactElement } from "react";
import { extractText, getDocumentProxy } from "unpdf";
import { ReportView } from "@/components/reports/report-view";
import { launchBrowser, type LaunchedBrowser } from "@/lib/scanner/gather/browser";
import type { BrowserRegistry } from "@/lib/scanner/gather/browser-registry";
import { DEFAULT_REPORT_SECTIONS, REPORT_SECTIONS, REPORT_SECTION_TITLES, type ReportBranding, type ReportModel, type ReportSection } from "../model";

export type PaperSize = "a4" | "letter";

export interface PdfOptions {
  paper?: PaperSize;
  sections?: readonly ReportSection[];
  branding?: ReportBranding | null;
  rulesBaseUrl?: string;
  chromePath?: string;
  registry?: BrowserRegistry;
  /** reuse a running browser (tests, batches); otherwise one is launched and closed */
  browser?: LaunchedBrowser;
  onProgress?: (step: "html" | "layout" | "toc" | "print") => void;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

// Loaded at run time from node_modules, outside the bundle: Next.js refuses react-dom/server anywhere in the
// app's server graph (the export job is reachable from /api/inngest). The view has no hooks, so the element
// renders with that copy of React.
async function renderStatic(el: ReactElement): Promise<string> {
  const mod = (await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ "react-dom/server")) as typeof import("react-dom/server");
  return mod.renderToStaticMarkup(el);
}

export async function reportHtml(model: ReportModel, opts: Pick<PdfOptions, "sections" | "branding" | "rulesBaseUrl" | "paper"> & { print?: boolean } = {}): Promise<string> {
  const body = await renderStatic(
    <ReportView model={model} sections={opts.sections} branding={opts.branding} rulesBaseUrl={opts.rulesBaseUrl} print={opts.print ?? true} maxInstancesPerFinding={25} />,
  );
  const size = opts.paper === "letter" ? "Letter" : "A4";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title><style>@page{size:${size};margin:14mm 12mm 18mm}html,body{margin:0;background:#fff}</style></head><body>${body}</body></html>`;
}

/** The 1-based page each section starts on, from the printed PDF's text (sections start on a new page). */
export async function sectionPages(pdf: Uint8Array, sections: readonly ReportSection[]): Promise<Partial<Record<ReportSection, number>>> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  const out: Partial<Record<ReportSection, number>> = {};
  let from = 1; // page 0 is the cover with the contents, which names every section
  for (const id of sections) {
    const title = REPORT_SECTION_TITLES[id];
    for (let i = from; i < text.length; i++) {
      if (text[i].replace(/\s+/g, " ").trimStart().startsWith(title) || text[i].replace(/\s+/g, " ").includes(` ${title} `)) {
        out[id] = i + 1;
        from = i;
        break;
      }
    }
  }
  return out;
}

export async function renderReportPdf(model: ReportModel, opts: PdfOptions = {}): Promise<Buffer> {
  const sections = REPORT_SECTIONS.filter((s) => (opts.sections ?? DEFAULT_REPORT_SECTIONS).includes(s));
  opts.onProgress?.("html");
  const html = await reportHtml(model, { ...opts, sections, print: true });
  const launched = opts.browser ?? (await launchBrowser({ chromePath: opts.chromePath, registry: opts.registry }));
  const page = await launched.browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on("request", (req) => {
      if (req.url().startsWith("data:")) void req.continue();
      else void req.abort("blockedbyclient");
    });
    opts.onProgress?.("layout");
    await page.setContent(html, { waitUntil: "load", timeout: 60_000 });
    await page.emulateMediaType("print");
    const footer = opts.branding?.footer ? escapeHtml(opts.branding.footer.slice(0, 200)) : escapeHtml(model.target);
    const pdfOptions = {
      format: opts.paper === "letter" ? ("letter" as const) : ("a4" as const),
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;color:#475569;width:100%;padding:0 12mm;display:flex;justify-content:space-between;font-family:sans-serif"><span>${footer}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      timeout: 120_000,
    };
    const first = await page.pdf(pdfOptions);
    if (sections.length < 2) return Buffer.from(first);
    opts.onProgress?.("toc");
    const pages = await sectionPages(first, sections);
    // Page contents are static (JavaScript is off for the page's own code): write the numbers from outside.
    await page.setJavaScriptEnabled(true);
    await page.evaluate((numbers: Record<string, number>) => {
      for (const el of Array.from(document.querySelectorAll("[data-toc-page]"))) {
        const n = numbers[el.getAttribute("data-toc-page") ?? ""];
        el.textContent = n ? String(n) : "";
      }
    }, pages as Record<string, number>);
    opts.onProgress?.("print");
    return Buffer.from(await page.pdf(pdfOptions));
  } finally {
    await page.close().catch(() => undefined);
    if (!opts.browser) await launched.close();
  }
}
