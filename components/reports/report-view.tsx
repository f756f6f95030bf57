// The whole report, from the model alone: no dashboard chrome, no hooks, no client code, its own stylesheet
// (plain CSS under .rv, so it looks the same in the app, in a PDF printed from react-dom/server output where
// Tailwind is absent, and on share pages). Everything in the model that came from the scanned site is text
// React escapes; branding is validated before it reaches CSS or an <img>.
import type { ReactNode } from "react";
import {
  DEFAULT_REPORT_SECTIONS,
  REPORT_SECTIONS,
  REPORT_SECTION_TITLES,
  type ReportCompliance,
  type ReportBranding,
  type ReportFinding,
  type ReportModel,
  type ReportSection,
} from "@/lib/reports/model";
import { PILLARS, type Pillar, type Severity } from "@/lib/scanner/types";
import { REPORT_VIEW_CSS } from "./report-view-css";

export interface ReportViewProps {
  model: ReportModel;
  sections?: readonly ReportSection[];
  branding?: ReportBranding | null;
  /** link rule ids to this base (the app's /rules page); omitted: plain text */
  rulesBaseUrl?: string;
  /** instances listed per finding before "…and N more" (the PDF and page stay readable on big scans) */
  maxInstancesPerFinding?: number;
  /** print mode: the table of contents shows page numbers filled in by the PDF renderer */
  print?: boolean;
}

const DEFAULT_ACCENT = "#4f46e5";
const PILLAR_LABEL: Record<Pillar, string> = {
  accessibility: "Accessibility",
  security: "Security",
  cookies: "Cookies",
  trackers: "Trackers",
  privacy: "Privacy",
  performance: "Performance",
  seo: "SEO",
};
const STATUS_LABEL: Record<ReportFinding["status"], string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  accepted_risk: "Accepted risk",
  false_positive: "False positive",
};

export function safeAccent(accent: string | null | undefined): string {
  return accent && /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(accent) ? accent : DEFAULT_ACCENT;
}

/** Only images we can show without reaching out elsewhere unexpectedly: data: images, https, or the app's own paths. */
export function safeLogoUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (/^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(url)) return url;
  if (/^\/(?!\/)[^\s"'<>\\]*$/.test(url)) return url;
  try {
    const u = new URL(url);
    return u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function fmtDate(iso: string | null): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "—" : `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function fmtMetric(v: number | null, unit: "ms" | ""): string {
  if (v === null) return "—";
  if (unit === "") return v.toFixed(2);
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`;
}

function fmtBytes(n: number | null): string {
  if (n === null) return "—";
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

function Sev({ s }: { s: Severity }) {
  return <span className={`rv-sev rv-sev-${s}`}>{s}</span>;
}

function RuleRef({ rule, base }: { rule: string; base?: string }) {
  return base ? (
    <a className="rv-code" href={`${base.replace(/\/$/, "")}/${encodeURIComponent(rule)}`}>
      {rule}
    </a>
  ) : (
    <code className="rv-code">{rule}</code>
  );
}

function Section({ id, title, children }: { id: ReportSection; title: string; children: ReactNode }) {
  return (
    <section className="rv-section" id={`rv-${id}`} aria-labelledby={`rv-${id}-h`} data-section={id}>
      <h2 id={`rv-${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

function Delta({ d }: { d: number | null }) {
  if (d === null || d === 0) return <span className="rv-muted">{d === 0 ? "±0" : ""}</span>;
  return <span className={d > 0 ? "rv-up" : "rv-down"}>{d > 0 ? `▲ +${d}` : `▼ ${d}`}</span>;
}

function Trend({ points }: { points: ReportModel["trend"] }) {
  if (points.length < 2) return null;
  const w = 320;
  const h = 60;
  const step = w / (points.length - 1);
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${(i * step).toFixed(1)},${(h - (p.score / 100) * h).toFixed(1)}`).join(" ");
  return (
    <figure className="rv-trend">
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={`Overall score over ${points.length} scans, from ${points[0].score} to ${points[points.length - 1].score}`}>
        <path d={d} fill="none" stroke="var(--rv-accent)" strokeWidth="2" />
      </svg>
      <figcaption className="rv-muted">
        Overall score over the last {points.length} scans: {points[0].score} → {points[points.length - 1].score}
      </figcaption>
    </figure>
  );
}

function FindingBlock({ f, rulesBaseUrl, max }: { f: ReportFinding; rulesBaseUrl?: string; max: number }) {
  const shown = f.instances.slice(0, max);
  const more = f.instances_count - shown.length;
  return (
    <article className="rv-finding" data-finding={f.id}>
      <h4>
        <Sev s={f.severity} /> {f.title}
      </h4>
      <p className="rv-meta">
        <RuleRef rule={f.rule} base={rulesBaseUrl} /> · {STATUS_LABEL[f.status]} · {f.pages_count} page{f.pages_count === 1 ? "" : "s"} ·{" "}
        {f.instances_count} instance{f.instances_count === 1 ? "" : "s"}
      </p>
      {f.description ? <p>{f.description}</p> : null}
      <p className="rv-fix">
        <strong>Fix: </strong>
        {f.fix}
      </p>
      {shown.length > 0 ? (
        <table className="rv-table rv-instances">
          <thead>
            <tr>
              <th scope="col">Page</th>
              <th scope="col">Element or asset</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i, n) => (
              <tr key={`${i.url}\u0000${i.selector ?? ""}\u0000${i.asset ?? ""}\u0000${n}`}>
                <td className="rv-break">{i.url}</td>
                <td className="rv-break">
                  {i.selector ? <code>{i.selector}</code> : null}
                  {i.asset && i.asset !== i.selector ? <span> {i.asset}</span> : null}
                  {i.snippet ? <pre className="rv-snippet">{i.snippet.slice(0, 300)}</pre> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {more > 0 ? <p className="rv-muted">…and {more} more instance{more === 1 ? "" : "s"}.</p> : null}
    </article>
  );
}

function ComplianceSection({ c, rulesBaseUrl }: { c: ReportCompliance; rulesBaseUrl?: string }) {
  const w = c.wcag_aa;
  return (
    <>
      <p>
        Failing findings (open, in progress or accepted risk) grouped by the requirement they evidence. Automated checks show where a requirement fails; they
        cannot prove that it is met.
      </p>
      <h3>WCAG 2.2 AA conformance summary</h3>
      <table className="rv-table rv-compact" data-testid="wcag-summary">
        <tbody>
          <tr>
            <th scope="row">Criteria failed</th>
            <td className="rv-num">{w.failed.length}</td>
          </tr>
          <tr>
            <th scope="row">Criteria passed (automated tests)</th>
            <td className="rv-num">{w.passed.length}</td>
          </tr>
          <tr>
            <th scope="row">Criteria not tested (manual review needed)</th>
            <td className="rv-num">{w.not_tested.length}</td>
          </tr>
        </tbody>
      </table>
      {w.incomplete ? <p className="rv-down">Some pages could not be tested automatically: these results are incomplete.</p> : null}
      {w.failed.length > 0 ? (
        <table className="rv-table">
          <caption>Failed criteria</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Level</th>
              <th scope="col">Findings</th>
            </tr>
          </thead>
          <tbody>
            {w.failed.map((x) => (
              <tr key={x.id}>
                <th scope="row">
                  {x.id} {x.title}
                </th>
                <td>{x.level}</td>
                <td className="rv-num">{x.finding_ids.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h4>Accessibility statement (draft)</h4>
      <pre className="rv-statement">{w.statement_draft}</pre>
      {c.frameworks
        .filter((fw) => fw.framework !== "wcag22" || fw.requirements.length > 0)
        .map((fw) => (
          <div key={fw.framework} className="rv-framework" data-framework={fw.framework}>
            <h3>{fw.name}</h3>
            {fw.requirements.length === 0 ? (
              <p className="rv-muted">No failing finding evidences a requirement of this framework.</p>
            ) : (
              <table className="rv-table">
                <thead>
                  <tr>
                    <th scope="col">Requirement</th>
                    <th scope="col">Failing findings</th>
                  </tr>
                </thead>
                <tbody>
                  {fw.requirements.map((r) => (
                    <tr key={r.id}>
                      <th scope="row" className="rv-req">
                        {r.id}
                        {r.title !== r.id ? <span className="rv-muted rv-block">{r.title}</span> : null}
                        {r.level ? <span className="rv-muted"> · level {r.level}</span> : null}
                      </th>
                      <td>
                        <ul className="rv-req-findings">
                          {r.findings.slice(0, 8).map((f) => (
                            <li key={f.id}>
                              <Sev s={f.severity} /> {f.title} <RuleRef rule={f.rule} base={rulesBaseUrl} />
                            </li>
                          ))}
                          {r.findings.length > 8 ? <li className="rv-muted">…and {r.findings.length - 8} more</li> : null}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
    </>
  );
}

export function ReportView({ model, sections = DEFAULT_REPORT_SECTIONS, branding, rulesBaseUrl, maxInstancesPerFinding = 25, print = false }: ReportViewProps) {
  const show = new Set(sections);
  const order = REPORT_SECTIONS.filter((s) => show.has(s));
  const accent = safeAccent(branding?.accent);
  const logo = safeLogoUrl(branding?.logoUrl);
  const brandName = branding?.name?.trim() || null;
  const poweredBy = branding?.showPoweredBy ?? true;
  const s = model.summary;
  const byPillar = new Map<Pillar, ReportFinding[]>();
  for (const f of model.findings) byPillar.set(f.pillar, [...(byPillar.get(f.pillar) ?? []), f]);

  return (
    <div className="rv" style={{ ["--rv-accent" as string]: accent }} data-testid="report-view">
      <style>{REPORT_VIEW_CSS}</style>
      <header className="rv-cover">
        <div className="rv-brand">
          {logo ? <img src={logo} alt={brandName ? `${brandName} logo` : "Logo"} className="rv-logo" /> : null}
          {brandName ? <span className="rv-brand-name">{brandName}</span> : null}
        </div>
        <h1>{model.title}</h1>
        <p className="rv-target rv-break">{model.target}</p>
        <p className="rv-muted">
          {model.source.kind === "domain" ? "Current state of the domain" : "Scan"} · generated {fmtDate(model.generated_at)}
          {model.method.finished_at ? ` · scanned ${fmtDate(model.method.finished_at)}` : ""}
        </p>
        <div className="rv-headline">
          <div className="rv-grade" aria-label={`Overall grade ${s.grade ?? "none"}`}>
            {s.grade ?? "—"}
          </div>
          <div>
            <p className="rv-big">{s.score ?? "—"}<span className="rv-muted">/100</span></p>
            {s.security_grade ? <p>Security grade {s.security_grade}</p> : null}
            <p>
              {s.open_findings} open finding{s.open_findings === 1 ? "" : "s"} · {s.pages_scanned} page{s.pages_scanned === 1 ? "" : "s"} scanned
            </p>
          </div>
        </div>
        {order.length > 1 ? (
          <nav className="rv-toc" aria-label="Contents">
            <h2>Contents</h2>
            <ol>
              {order.map((id) => (
                <li key={id}>
                  <a href={`#rv-${id}`}>{REPORT_SECTION_TITLES[id]}</a>
                  {print ? <span className="rv-toc-page" data-toc-page={id} /> : null}
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
      </header>

      {show.has("summary") ? (
        <Section id="summary" title={REPORT_SECTION_TITLES.summary}>
          <ul className="rv-highlights">
            {s.highlights.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
          <table className="rv-table rv-compact">
            <caption>Open findings by severity</caption>
            <thead>
              <tr>
                {(["critical", "high", "medium", "low", "info"] as const).map((sev) => (
                  <th key={sev} scope="col">
                    <Sev s={sev} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {(["critical", "high", "medium", "low", "info"] as const).map((sev) => (
                  <td key={sev} className="rv-num">
                    {s.open_by_severity[sev]}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </Section>
      ) : null}

      {show.has("scores") ? (
        <Section id="scores" title={REPORT_SECTION_TITLES.scores}>
          <p>
            Overall grade <strong>{s.grade ?? "—"}</strong> (score {s.score ?? "—"}
            {s.grade_cap?.applied ? `; the score alone gives ${s.score_grade}, capped by ${s.grade_cap.findings} open ${s.grade_cap.severity}-severity finding${s.grade_cap.findings === 1 ? "" : "s"}` : ""}).
          </p>
          <table className="rv-table">
            <thead>
              <tr>
                <th scope="col">Pillar</th>
                <th scope="col">Score</th>
                <th scope="col">Change</th>
                <th scope="col">Open findings</th>
              </tr>
            </thead>
            <tbody>
              {model.pillars.map((p) => (
                <tr key={p.pillar}>
                  <th scope="row">{PILLAR_LABEL[p.pillar]}</th>
                  <td className="rv-num">
                    {p.score !== null ? (
                      <span className="rv-bar-wrap">
                        <span className="rv-bar" style={{ width: `${p.score}%` }} />
                        <span className="rv-bar-label">{p.score}</span>
                      </span>
                    ) : p.state === "not_applicable" ? (
                      "n/a"
                    ) : (
                      "not scanned"
                    )}
                  </td>
                  <td className="rv-num">
                    <Delta d={p.delta} />
                  </td>
                  <td className="rv-num">{p.open_findings}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Trend points={model.trend} />
        </Section>
      ) : null}

      {show.has("vitals") ? (
        <Section id="vitals" title={REPORT_SECTION_TITLES.vitals}>
          <table className="rv-table">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">p75</th>
                <th scope="col">Rating</th>
                <th scope="col">Pages good / improve / poor</th>
              </tr>
            </thead>
            <tbody>
              {model.web_vitals.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    {v.label}
                    {v.core ? <span className="rv-muted"> · core{v.id === "tbt" ? " (lab stand-in for INP)" : ""}</span> : null}
                  </th>
                  <td className="rv-num">{fmtMetric(v.p75, v.unit)}</td>
                  <td>{v.band ? <span className={`rv-band rv-band-${v.band}`}>{v.band.replace("-", " ")}</span> : "not measured"}</td>
                  <td className="rv-num">
                    {v.pages.good} / {v.pages["needs-improvement"]} / {v.pages.poor}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}

      {show.has("top_fixes") ? (
        <Section id="top_fixes" title={REPORT_SECTION_TITLES.top_fixes}>
          {model.top_fixes.length === 0 ? (
            <p>Nothing to fix.</p>
          ) : (
            <ol className="rv-fixes">
              {model.top_fixes.map((f) => (
                <li key={f.finding_id}>
                  <p>
                    <Sev s={f.severity} /> <strong>{f.title}</strong>{" "}
                    <span className="rv-muted">
                      — {PILLAR_LABEL[f.pillar]}, {f.pages_affected} page{f.pages_affected === 1 ? "" : "s"} affected
                    </span>
                  </p>
                  <p className="rv-fix">{f.fix}</p>
                </li>
              ))}
            </ol>
          )}
        </Section>
      ) : null}

      {show.has("findings") ? (
        <Section id="findings" title={REPORT_SECTION_TITLES.findings}>
          {model.findings.length === 0 ? <p>No findings.</p> : null}
          {PILLARS.filter((p) => byPillar.has(p)).map((p) => (
            <div key={p} className="rv-pillar">
              <h3>
                {PILLAR_LABEL[p]} <span className="rv-muted">({byPillar.get(p)!.length})</span>
              </h3>
              {byPillar.get(p)!.map((f) => (
                <FindingBlock key={f.id} f={f} rulesBaseUrl={rulesBaseUrl} max={maxInstancesPerFinding} />
              ))}
            </div>
          ))}
        </Section>
      ) : null}

      {show.has("security") ? (
        <Section id="security" title={REPORT_SECTION_TITLES.security}>
          {model.security_tests ? (
            <>
              <p>
                Security grade <strong>{model.security_tests.grade}</strong>: start at 100, subtract each failing test&apos;s modifier
                {model.security_tests.bonus > 0 ? `, +${model.security_tests.bonus} bonus` : ""} = {model.security_tests.score}.
              </p>
              <table className="rv-table">
                <thead>
                  <tr>
                    <th scope="col">Test</th>
                    <th scope="col">Result</th>
                    <th scope="col">Modifier</th>
                  </tr>
                </thead>
                <tbody>
                  {model.security_tests.tests.map((t) => (
                    <tr key={t.rule}>
                      <th scope="row">
                        {t.title} <RuleRef rule={t.rule} base={rulesBaseUrl} />
                      </th>
                      <td>
                        {t.outcome === "fail" && t.severity ? <Sev s={t.severity} /> : null} {t.outcome}
                      </td>
                      <td className="rv-num">{t.modifier === 0 ? "0" : t.modifier}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p>The security pillar was not scanned.</p>
          )}
        </Section>
      ) : null}

      {show.has("compliance") ? (
        <Section id="compliance" title={REPORT_SECTION_TITLES.compliance}>
          {model.compliance ? <ComplianceSection c={model.compliance} rulesBaseUrl={rulesBaseUrl} /> : <p>This report has no compliance mapping.</p>}
        </Section>
      ) : null}

      {show.has("pages") ? (
        <Section id="pages" title={REPORT_SECTION_TITLES.pages}>
          <table className="rv-table">
            <thead>
              <tr>
                <th scope="col">Page</th>
                <th scope="col">Status</th>
                <th scope="col">Perf.</th>
                <th scope="col">LCP</th>
                <th scope="col">Weight</th>
              </tr>
            </thead>
            <tbody>
              {model.pages.map((p) => (
                <tr key={p.url}>
                  <td className="rv-break">
                    {p.url}
                    {p.title ? <span className="rv-muted rv-block">{p.title}</span> : null}
                    {p.error ? <span className="rv-down rv-block">{p.error}</span> : null}
                  </td>
                  <td className="rv-num">{p.status ?? "—"}</td>
                  <td className="rv-num">{p.performance_score ?? "—"}</td>
                  <td className="rv-num">{fmtMetric(p.lcp_ms, "ms")}</td>
                  <td className="rv-num">{fmtBytes(p.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}

      {show.has("method") ? (
        <Section id="method" title={REPORT_SECTION_TITLES.method}>
          <dl className="rv-dl">
            <dt>Engine</dt>
            <dd>
              {model.method.engine} {model.method.engine_version}
            </dd>
            <dt>Pillars</dt>
            <dd>{model.method.pillars.map((p) => PILLAR_LABEL[p]).join(", ") || "—"}</dd>
            <dt>Page budget</dt>
            <dd>{model.method.max_pages ?? "—"}</dd>
            <dt>Started</dt>
            <dd>{fmtDate(model.method.started_at)}</dd>
            <dt>Finished</dt>
            <dd>{fmtDate(model.method.finished_at)}</dd>
            {model.method.duration_ms !== null ? (
              <>
                <dt>Duration</dt>
                <dd>{(model.method.duration_ms / 1000).toFixed(1)} s</dd>
              </>
            ) : null}
            {model.method.trigger ? (
              <>
                <dt>Trigger</dt>
                <dd>{model.method.trigger}</dd>
              </>
            ) : null}
            {model.method.scans.length > 0 ? (
              <>
                <dt>Scans</dt>
                <dd>
                  {model.method.scans.map((sc) => (
                    <span key={sc.id} className="rv-block">
                      <code>{sc.id}</code> {fmtDate(sc.finished_at)} ({sc.pillars.join(", ")})
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
          <ul>
            {model.method.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Section>
      ) : null}

      <footer className="rv-footer">
        {branding?.footer ? <p>{branding.footer}</p> : null}
        {poweredBy ? <p className="rv-muted">Made with Plumb · report schema v{model.schema_version}</p> : null}
      </footer>
    </div>
  );
}
