// A portfolio report from its model alone: an overview table ranking the domains, then one page per domain
// (grade, pillar scores, open findings by severity, top fixes). Like ReportView: no hooks, no client code, the
// report's own scoped stylesheet, so the page, the PDF (react-dom/server) and any later share page look alike.
// Hosts and fix texts are text React escapes; branding is validated by ReportView's helpers.
import type { ReportBranding } from "@/lib/reports/model";
import type { PortfolioDomain, PortfolioModel } from "@/lib/reports/portfolio-model";
import { PILLARS, SEVERITIES, type Pillar } from "@/lib/scanner/types";
import { REPORT_VIEW_CSS } from "./report-view-css";
import { safeAccent, safeLogoUrl } from "./report-view";

const PILLAR_LABEL: Record<Pillar, string> = {
  accessibility: "Accessibility",
  security: "Security",
  cookies: "Cookies",
  trackers: "Trackers",
  privacy: "Privacy",
  performance: "Performance",
  seo: "SEO",
};

const PORTFOLIO_CSS = `
.pv-scroll{overflow-x:auto;max-width:100%}
.pv-overview{padding:.5rem 0 1rem}
.pv-domain{padding:1rem 0;border-top:1px solid #e2e8f0}
.pv-grade{width:3.5rem;height:3.5rem;font-size:1.5rem;border-radius:.75rem}
.pv-pillars{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:.5rem;margin:.75rem 0;padding:0;list-style:none}
.pv-pillars li{border:1px solid #e2e8f0;border-radius:.5rem;padding:.35rem .5rem}
.pv-pillars b{display:block;font-size:1.1rem}
@media print{.pv-domain{break-before:page;page-break-before:always;border-top:0}.pv-scroll{overflow:visible}.pv-pillars li{break-inside:avoid}}
`;

function fmtDate(iso: string): string {
  return iso.slice(0, 10);
}

function DomainPage({ d }: { d: PortfolioDomain }) {
  const byPillar = new Map(d.pillars.map((p) => [p.pillar, p]));
  return (
    <section className="pv-domain" id={`pv-${d.domain_id}`} aria-labelledby={`pv-h-${d.domain_id}`} data-testid="portfolio-domain">
      <h2 id={`pv-h-${d.domain_id}`} className="rv-break">
        {d.rank ? `${d.rank}. ` : ""}
        {d.host}
      </h2>
      <div className="rv-headline">
        <div className="rv-grade pv-grade" aria-label={`Grade ${d.grade ?? "none"}`}>
          {d.grade ?? "—"}
        </div>
        <div>
          <p className="rv-big">
            {d.score ?? "—"}
            <span className="rv-muted">/100</span>
          </p>
          <p>
            {d.security_grade ? `Security grade ${d.security_grade} · ` : ""}
            {d.open_findings} open finding{d.open_findings === 1 ? "" : "s"} · {d.pages_scanned} page{d.pages_scanned === 1 ? "" : "s"}
            {d.last_scanned_at ? ` · scanned ${fmtDate(d.last_scanned_at)}` : ""}
          </p>
        </div>
      </div>
      <ul className="rv-highlights">
        {d.highlights.map((h) => (
          <li key={h}>{h}</li>
        ))}
      </ul>
      <h3>Pillar scores</h3>
      <ul className="pv-pillars">
        {PILLARS.map((p) => {
          const x = byPillar.get(p);
          return (
            <li key={p}>
              {PILLAR_LABEL[p]}
              <b>{x?.score ?? (x?.state === "not_applicable" ? "n/a" : "—")}</b>
            </li>
          );
        })}
      </ul>
      <div className="pv-scroll">
        <table className="rv-table rv-compact">
          <caption>Open findings by severity</caption>
          <thead>
            <tr>
              {SEVERITIES.map((s) => (
                <th key={s} scope="col">
                  <span className={`rv-sev rv-sev-${s}`}>{s}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {SEVERITIES.map((s) => (
                <td key={s} className="rv-num">
                  {d.open_by_severity[s]}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <h3>Top fixes</h3>
      {d.top_fixes.length === 0 ? (
        <p className="rv-muted">Nothing to fix right now.</p>
      ) : (
        <ol className="rv-fixes">
          {d.top_fixes.map((f) => (
            <li key={f.finding_id}>
              <span className={`rv-sev rv-sev-${f.severity}`}>{f.severity}</span> <strong>{f.title}</strong>{" "}
              <span className="rv-meta">
                {PILLAR_LABEL[f.pillar]} · {f.pages_affected} page{f.pages_affected === 1 ? "" : "s"}
              </span>
              <div className="rv-fix">{f.fix}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function PortfolioView({ model, branding }: { model: PortfolioModel; branding?: ReportBranding | null }) {
  const accent = safeAccent(branding?.accent);
  const logo = safeLogoUrl(branding?.logoUrl);
  const brandName = branding?.name?.trim() || null;
  const s = model.summary;
  return (
    <div className="rv" style={{ ["--rv-accent" as string]: accent }} data-testid="portfolio-view">
      <style>{REPORT_VIEW_CSS + PORTFOLIO_CSS}</style>
      <header className="rv-cover">
        <div className="rv-brand">
          {logo ? <img src={logo} alt={brandName ? `${brandName} logo` : "Logo"} className="rv-logo" /> : null}
          {brandName ? <span className="rv-brand-name">{brandName}</span> : null}
        </div>
        <h1>{model.title}</h1>
        <p className="rv-muted">
          Portfolio of {s.domains} domains · generated {fmtDate(model.generated_at)}
        </p>
        <p>
          Average score <strong>{s.average_score ?? "—"}</strong>/100 over {s.scored} scanned domain{s.scored === 1 ? "" : "s"} · {s.open_findings} open finding
          {s.open_findings === 1 ? "" : "s"} ({s.open_by_severity.critical} critical, {s.open_by_severity.high} high)
        </p>
      </header>
      <section aria-labelledby="pv-overview" className="pv-overview">
        <h2 id="pv-overview">Portfolio overview</h2>
        <div className="pv-scroll">
          <table className="rv-table" data-testid="portfolio-ranking">
            <caption>Domains ranked by score (best first)</caption>
            <thead>
              <tr>
                <th scope="col" className="rv-num">
                  Rank
                </th>
                <th scope="col">Domain</th>
                <th scope="col">Grade</th>
                <th scope="col" className="rv-num">
                  Score
                </th>
                <th scope="col" className="rv-num">
                  Open
                </th>
                <th scope="col" className="rv-num">
                  Critical / high
                </th>
              </tr>
            </thead>
            <tbody>
              {model.domains.map((d) => (
                <tr key={d.domain_id}>
                  <td className="rv-num">{d.rank ?? "—"}</td>
                  <td className="rv-break">
                    <a href={`#pv-${d.domain_id}`}>{d.host}</a>
                  </td>
                  <td>{d.grade ?? "no scan"}</td>
                  <td className="rv-num">{d.score ?? "—"}</td>
                  <td className="rv-num">{d.open_findings}</td>
                  <td className="rv-num">
                    {d.open_by_severity.critical} / {d.open_by_severity.high}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {model.domains.map((d) => (
        <DomainPage key={d.domain_id} d={d} />
      ))}
      <footer className="rv-footer rv-muted">
        {branding?.footer ? <p>{branding.footer}</p> : null}
        {branding?.showPoweredBy ?? true ? <p>Made with Plumb</p> : null}
      </footer>
    </div>
  );
}
