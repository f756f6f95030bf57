// The report's own stylesheet (scoped under .rv). Screen and print: sections start on a new page when
// printed, table rows and finding blocks never split across pages, long URLs wrap instead of overflowing.
export const REPORT_VIEW_CSS = `
.rv{--rv-accent:#4f46e5;color:#0f172a;font:14px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;max-width:60rem;margin:0 auto;overflow-wrap:anywhere}
.rv *{box-sizing:border-box}
.rv h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0}
.rv h2{font-size:1.25rem;margin:0 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--rv-accent)}
.rv h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.rv h4{font-size:.95rem;margin:0 0 .25rem}
.rv p{margin:.25rem 0}
.rv a{color:var(--rv-accent)}
.rv-cover{padding:1rem 0 1.5rem}
.rv-brand{display:flex;align-items:center;gap:.75rem;min-height:1rem}
.rv-logo{max-height:48px;max-width:200px;object-fit:contain}
.rv-brand-name{font-weight:600;font-size:1.1rem}
.rv-target{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;color:#334155}
.rv-headline{display:flex;gap:1.25rem;align-items:center;margin:1rem 0;flex-wrap:wrap}
.rv-grade{width:5rem;height:5rem;border-radius:1rem;background:var(--rv-accent);color:#fff;font-size:2.25rem;font-weight:700;display:flex;align-items:center;justify-content:center}
.rv-big{font-size:1.75rem;font-weight:700}
.rv-muted{color:#475569;font-weight:400}
.rv-block{display:block}
.rv-break{word-break:break-word;overflow-wrap:anywhere}
.rv-toc ol{margin:.25rem 0;padding-left:1.25rem}
.rv-toc h2{border:0;font-size:1rem;margin:.5rem 0 0}
.rv-toc li{display:flex;gap:.5rem}
.rv-toc-page{margin-left:auto}
.rv-section{padding:1rem 0}
.rv-table{width:100%;border-collapse:collapse;margin:.5rem 0;font-size:.85rem;table-layout:auto}
.rv-table caption{text-align:left;font-weight:600;padding:.25rem 0}
.rv-table th,.rv-table td{border-bottom:1px solid #e2e8f0;padding:.35rem .5rem;text-align:left;vertical-align:top}
.rv-table thead th{background:#f1f5f9;font-weight:600}
.rv-compact{width:auto}
.rv-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.rv-sev{display:inline-block;border-radius:.25rem;padding:0 .35rem;font-size:.75rem;font-weight:600;text-transform:uppercase;border:1px solid}
.rv-sev-critical{background:#fef2f2;color:#7f1d1d;border-color:#fca5a5}
.rv-sev-high{background:#fff7ed;color:#7c2d12;border-color:#fdba74}
.rv-sev-medium{background:#fefce8;color:#713f12;border-color:#fde047}
.rv-sev-low{background:#eff6ff;color:#1e3a8a;border-color:#93c5fd}
.rv-sev-info{background:#f8fafc;color:#334155;border-color:#cbd5e1}
.rv-band{font-weight:600}
.rv-band-good{color:#166534}.rv-band-needs-improvement{color:#92400e}.rv-band-poor{color:#991b1b}
.rv-up{color:#166534}.rv-down{color:#991b1b}
.rv-bar-wrap{display:inline-flex;align-items:center;gap:.5rem;justify-content:flex-end}
.rv-bar{display:inline-block;height:.5rem;max-width:6rem;background:var(--rv-accent);border-radius:.25rem}
.rv-bar-wrap{min-width:8rem}
.rv-highlights{padding-left:1.25rem}
.rv-fixes{padding-left:1.5rem}
.rv-fixes li{margin-bottom:.5rem}
.rv-fix{background:#f8fafc;border-left:3px solid var(--rv-accent);padding:.25rem .5rem;white-space:pre-wrap}
.rv-finding{border:1px solid #e2e8f0;border-radius:.5rem;padding:.75rem;margin:.5rem 0}
.rv-meta{font-size:.8rem;color:#475569}
.rv-code,.rv code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.8rem}
.rv-snippet{white-space:pre-wrap;word-break:break-all;background:#f1f5f9;padding:.25rem;margin:.25rem 0 0;font-size:.75rem;max-height:8rem;overflow:hidden}
.rv-dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
.rv-dl dt{font-weight:600}.rv-dl dd{margin:0}
.rv-trend{margin:.75rem 0}
.rv-trend svg{max-width:100%;height:auto}
.rv-statement{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;font-size:.85rem;background:#f8fafc;border:1px solid #e2e8f0;border-radius:.5rem;padding:.75rem;margin:.5rem 0 1rem}
.rv-req{width:40%}
.rv-req-findings{list-style:none;margin:0;padding:0}
.rv-req-findings li{margin:0 0 .2rem}
.rv-footer{border-top:1px solid #e2e8f0;margin-top:1.5rem;padding-top:.5rem;font-size:.8rem}
@media (max-width:640px){.rv-instances th:nth-child(2),.rv-instances td:nth-child(2){max-width:45vw}.rv-grade{width:4rem;height:4rem;font-size:1.75rem}}
@media print{
  .rv{max-width:none;font-size:11px}
  .rv-section{break-before:page;page-break-before:always}
  .rv-framework h3{break-after:avoid}
  .rv-table tr,.rv-finding,.rv-fixes li,.rv-dl,.rv-trend{break-inside:avoid;page-break-inside:avoid}
  .rv-table thead{display:table-header-group}
  .rv h2,.rv h3,.rv h4{break-after:avoid;page-break-after:avoid}
  .rv a{color:inherit;text-decoration:none}
  .rv-snippet{max-height:none}
}
`;
