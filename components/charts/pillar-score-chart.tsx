import { scoreFill } from "./score-color";

export interface PillarScore {
  label: string;
  score: number;
}

/**
 * One horizontal bar per pillar, 0–100. The bars are SVG; labels and numbers are HTML text so they keep
 * their size at 375px. Screen readers get the numbers as a table (the drawing is hidden from them).
 */
export function PillarScoreChart({ scores, caption }: { scores: PillarScore[]; caption: string }) {
  return (
    <figure>
      <div aria-hidden="true" className="space-y-3">
        {scores.map((s) => {
          const pct = Math.max(1, Math.min(100, s.score));
          return (
            <div key={s.label} className="flex items-center gap-3 text-sm">
              <span className="w-28 shrink-0 text-slate-700">{s.label}</span>
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-5 min-w-0 flex-1" focusable="false">
                <rect x="0" y="0" width="100" height="10" rx="1.5" fill="#f1f5f9" />
                <rect x="0" y="0" width={pct} height="10" rx="1.5" fill={scoreFill(s.score)} />
              </svg>
              <span className="w-8 shrink-0 text-right font-semibold tabular-nums text-slate-900">{s.score}</span>
            </div>
          );
        })}
      </div>
      {/* The wrapper hides it: a table ignores the 1 px width of .sr-only and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Pillar</th>
              <th scope="col">Score (0–100)</th>
            </tr>
          </thead>
          <tbody>
            {scores.map((s) => (
              <tr key={s.label}>
                <th scope="row">{s.label}</th>
                <td>{s.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
