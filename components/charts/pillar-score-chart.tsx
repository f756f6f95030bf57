import { scoreFill } from "./score-color";

export interface PillarScore {
  label: string;
  score: number;
}

/**
 * Horizontal bars, one per pillar, 0–100, drawn in plain SVG. Screen readers get the same numbers as a
 * table (the SVG itself is hidden from them), so nothing is only visual.
 */
export function PillarScoreChart({ scores, caption }: { scores: PillarScore[]; caption: string }) {
  const row = 32;
  const labelW = 120;
  const width = 560;
  const barW = width - labelW - 48;
  const height = scores.length * row + 8;
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-2xl" aria-hidden="true" focusable="false">
        {scores.map((s, i) => {
          const y = i * row + 4;
          const w = Math.max(2, (Math.max(0, Math.min(100, s.score)) / 100) * barW);
          return (
            <g key={s.label}>
              <text x={0} y={y + 18} fontSize="14" fill="#334155">
                {s.label}
              </text>
              <rect x={labelW} y={y + 4} width={barW} height={20} rx={4} fill="#f1f5f9" />
              <rect x={labelW} y={y + 4} width={w} height={20} rx={4} fill={scoreFill(s.score)} />
              <text x={labelW + barW + 8} y={y + 19} fontSize="14" fontWeight="600" fill="#0f172a">
                {s.score}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
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
    </figure>
  );
}
