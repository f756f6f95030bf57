import { Badge } from "@/components/ui";
import type { SecurityTestsTable, Severity } from "@/lib/scanner/types";

export interface GradeCapView {
  severity: Severity;
  grade: string;
  /** how many findings of that severity; omitted on public pages without the owner's opt-in */
  findings?: number;
  applied: boolean;
}

export interface GradeExplanationProps {
  score: number | null;
  /** the grade of the score alone */
  scoreGrade: string | null;
  grade: string | null;
  cap: GradeCapView | null;
  /** which findings cap: a scan's own findings at the time, or the domain's open ones now */
  capSource: "scan" | "domain";
  securityGrade?: string | null;
  securityTests?: SecurityTestsTable | null;
  /** heading id prefix, unique on the page */
  id?: string;
}

const SEVERITY_WORD: Record<Severity, string> = { critical: "critical", high: "high", medium: "medium", low: "low", info: "info" };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function outcomeBadge(outcome: string) {
  if (outcome === "pass") return <Badge tone="success">Pass</Badge>;
  if (outcome === "fail") return <Badge tone="danger">Fail</Badge>;
  if (outcome === "error") return <Badge tone="warning">Error</Badge>;
  return <Badge>Not applicable</Badge>;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "0";
}

/**
 * Why the grade is what it is: the score's own grade, the cap by the worst finding severity (and which one),
 * and the security grade's tests with their modifiers (Mozilla Observatory style).
 */
export function GradeExplanation(props: GradeExplanationProps) {
  const { score, scoreGrade, grade, cap, capSource } = props;
  const id = props.id ?? "grade";
  const who = capSource === "scan" ? "found by this scan" : "open, in progress or accepted as a risk";
  const tests = props.securityTests;
  const failing = tests?.tests.filter((t) => t.modifier !== 0) ?? [];
  return (
    <div className="space-y-5 text-sm text-slate-700" data-testid="grade-explanation">
      {score === null || scoreGrade === null ? (
        <p>No pillar has a score yet, so there is no grade.</p>
      ) : (
        <ol className="space-y-2">
          <li>
            The score <strong className="text-slate-900 tabular-nums">{score}</strong> gives <strong className="text-slate-900">{scoreGrade}</strong> (A+ from 97, A
            from 90, B from 80, C from 70, D from 60, else F).
          </li>
          {cap ? (
            <li data-testid="grade-cap">
              {cap.applied ? (
                <>
                  <strong className="text-slate-900">Capped at {cap.grade}</strong>
                </>
              ) : (
                <>No lower than the cap of {cap.grade}</>
              )}{" "}
              by the worst finding {who}:{" "}
              <strong className="text-slate-900">
                {cap.findings !== undefined ? `${plural(cap.findings, `${SEVERITY_WORD[cap.severity]}-severity finding`, `${SEVERITY_WORD[cap.severity]}-severity findings`)}` : `${SEVERITY_WORD[cap.severity]} severity`}
              </strong>
              . A critical finding caps the grade at D, high at C, medium at B, low at A; false positives and resolved findings never cap.
              {cap.applied ? null : ` The score's ${scoreGrade} is already at or below it.`}
            </li>
          ) : (
            <li data-testid="grade-cap">No finding {who} is above info, so nothing caps the grade.</li>
          )}
          <li>
            Result: <strong className="text-slate-900">{grade ?? "—"}</strong>.
          </li>
        </ol>
      )}

      {tests ? (
        <div>
          <h3 id={`${id}-security-heading`} className="text-sm font-semibold text-slate-900">
            Security grade {props.securityGrade ?? tests.grade}: tests and modifiers
          </h3>
          <p className="mt-1 text-slate-600">
            Starts at 100; each failing test subtracts by its worst severity (critical 50, high 25, medium 15, low 5); +5 when nothing fails at low or above.
          </p>
          <div className="overflow-x-auto">
          <table className="mt-3 w-full table-fixed border-collapse text-left" aria-labelledby={`${id}-security-heading`} data-testid="security-tests">
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-600 uppercase">
                <th scope="col" className="py-2 pr-2 font-medium">
                  Test
                </th>
                <th scope="col" className="w-28 py-2 pr-2 font-medium">
                  Result
                </th>
                <th scope="col" className="w-20 py-2 text-right font-medium">
                  Modifier
                </th>
              </tr>
            </thead>
            <tbody>
              {[...failing, ...tests.tests.filter((t) => t.modifier === 0)].map((t) => (
                <tr key={t.rule} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-2 font-normal break-words text-slate-900">
                    {t.title}
                    {t.severity ? <span className="block text-xs text-slate-600">{SEVERITY_WORD[t.severity]} severity</span> : null}
                  </th>
                  <td className="py-2 pr-2">{outcomeBadge(t.outcome)}</td>
                  <td className="py-2 text-right font-medium tabular-nums">{signed(t.modifier)}</td>
                </tr>
              ))}
              <tr className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-2 font-normal text-slate-900">
                  Bonus: nothing fails at low or above
                </th>
                <td className="py-2 pr-2">{tests.bonus > 0 ? <Badge tone="success">Earned</Badge> : <Badge>Not earned</Badge>}</td>
                <td className="py-2 text-right font-medium tabular-nums">{signed(tests.bonus)}</td>
              </tr>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="pt-2 pr-2 text-slate-900">
                  Security score
                </th>
                <td className="pt-2 pr-2 font-semibold text-slate-900">{tests.grade}</td>
                <td className="pt-2 text-right font-semibold text-slate-900 tabular-nums">{tests.score}</td>
              </tr>
            </tfoot>
          </table>
          </div>
        </div>
      ) : null}
    </div>
  );
}

const SEVERITY_ORDER: readonly Severity[] = ["critical", "high", "medium", "low", "info"];
const CAP: Record<Severity, string | null> = { critical: "D", high: "C", medium: "B", low: "A", info: null };
const GRADE_ORDER = ["A+", "A", "B", "C", "D", "F"];

function gradeOfScore(score: number): string {
  if (score >= 97) return "A+";
  if (score >= 90) return "A";
  if (score >= 80) return "B";
  if (score >= 70) return "C";
  if (score >= 60) return "D";
  return "F";
}

function asTable(value: unknown): SecurityTestsTable | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Partial<SecurityTestsTable>;
  return Array.isArray(v.tests) && typeof v.score === "number" && typeof v.grade === "string"
    ? { tests: v.tests, bonus: typeof v.bonus === "number" ? v.bonus : 0, score: v.score, grade: v.grade }
    : null;
}

/** A scan's own grade explained, from what the scan stored: its score, its findings by severity, its security tests. */
export function ScanGradeExplanation({
  scan,
}: {
  scan: { score: number | null; grade: string | null; summary: unknown; securityGrade: string | null; securityTests: unknown };
}) {
  const summary = (scan.summary && typeof scan.summary === "object" ? scan.summary : {}) as Partial<Record<Severity, unknown>>;
  const worst = SEVERITY_ORDER.find((s) => typeof summary[s] === "number" && (summary[s] as number) > 0 && CAP[s] !== null);
  const scoreGrade = scan.score === null ? null : gradeOfScore(scan.score);
  const cap: GradeCapView | null =
    worst && CAP[worst]
      ? {
          severity: worst,
          grade: CAP[worst]!,
          findings: summary[worst] as number,
          applied: scoreGrade !== null && GRADE_ORDER.indexOf(CAP[worst]!) > GRADE_ORDER.indexOf(scoreGrade),
        }
      : null;
  return (
    <GradeExplanation
      id="scan-grade"
      score={scan.score}
      scoreGrade={scoreGrade}
      grade={scan.grade}
      cap={cap}
      capSource="scan"
      securityGrade={scan.securityGrade}
      securityTests={asTable(scan.securityTests)}
    />
  );
}
