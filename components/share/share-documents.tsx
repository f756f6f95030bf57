// The public share pages (/r/<token>) as whole HTML documents: the report, the password form and the
// "not found" / "gone" answers. They are served by a route handler (app/r/[token]/route.ts) because a page
// cannot answer 410; no dashboard chrome, no scripts, `noindex`. Every text is escaped by React.
import { createRequire } from "node:module";
import path from "node:path";
import type { ReactNode } from "react";
import { ReportView, safeAccent } from "@/components/reports/report-view";
import type { ReportBranding, ReportModel, ReportSection } from "@/lib/reports/model";

// Route handlers are bundled for React Server Components, where react-dom/server refuses to load. These
// documents have no hooks, no client components and no suspense: plain elements any React 19 renderer reads,
// so the server renderer is loaded from node_modules at run time, outside the bundle.
type StaticRenderer = (el: ReactNode) => string;
let renderer: StaticRenderer | undefined;
function renderStatic(el: ReactNode): string {
  if (!renderer) {
    const nodeRequire = createRequire(path.join(process.cwd(), "package.json"));
    renderer = (nodeRequire("react-dom/server") as { renderToStaticMarkup: StaticRenderer }).renderToStaticMarkup;
  }
  return renderer(el);
}

const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f8fafc;color:#0f172a;font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:64rem;margin:0 auto;padding:1.5rem 1rem 3rem;background:#fff;min-height:100vh}
.box{max-width:26rem;margin:4rem auto;padding:1.5rem;border:1px solid #cbd5e1;border-radius:.75rem;background:#fff}
.box h1{font-size:1.35rem;margin:0 0 .5rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=password]{width:100%;padding:.6rem .75rem;border:1px solid #64748b;border-radius:.5rem;font:inherit}
input:focus,button:focus{outline:3px solid #4338ca;outline-offset:2px}
button{margin-top:1rem;padding:.6rem 1.1rem;border:0;border-radius:.5rem;background:#3730a3;color:#fff;font:inherit;font-weight:600;cursor:pointer}
.err{margin-top:1rem;padding:.6rem .75rem;border-radius:.5rem;background:#fef2f2;color:#991b1b;border:1px solid #fecaca}
.muted{color:#475569}
`;

function Document({ title, children, accent }: { title: string; children: ReactNode; accent?: string | null }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow, noarchive" />
        <meta name="referrer" content="no-referrer" />
        <title>{title}</title>
        <style>{PAGE_CSS + (accent ? `button{background:${safeAccent(accent)}}` : "")}</style>
      </head>
      <body>{children}</body>
    </html>
  );
}

function html(el: ReactNode): string {
  return `<!DOCTYPE html>${renderStatic(el)}`;
}

export function sharedReportHtml(x: { model: ReportModel; branding: ReportBranding | null; sections?: readonly ReportSection[] }): string {
  const title = x.branding?.name ? `${x.model.title} · ${x.branding.name}` : x.model.title;
  return html(
    <Document title={title}>
      <main id="main">
        <ReportView model={x.model} branding={x.branding} sections={x.sections} />
      </main>
    </Document>,
  );
}

export function sharePasswordHtml(x: { action: string; error?: string | null; brandName?: string | null; brandAccent?: string | null }): string {
  return html(
    <Document title="Password required" accent={x.brandAccent}>
      <main id="main">
        <form className="box" method="post" action={x.action}>
          <h1>{x.brandName ? `${x.brandName} shared a report` : "A shared report"}</h1>
          <p className="muted">This report is protected. Enter the password you were given.</p>
          <label htmlFor="share-password">Password</label>
          <input id="share-password" name="password" type="password" autoComplete="current-password" required maxLength={200} aria-describedby={x.error ? "share-error" : undefined} />
          {x.error ? (
            <p id="share-error" className="err" role="alert">
              {x.error}
            </p>
          ) : null}
          <button type="submit">Open the report</button>
        </form>
      </main>
    </Document>,
  );
}

export function shareMessageHtml(x: { title: string; message: string }): string {
  return html(
    <Document title={x.title}>
      <main id="main">
        <div className="box">
          <h1>{x.title}</h1>
          <p className="muted">{x.message}</p>
        </div>
      </main>
    </Document>,
  );
}
