import { scoreFill } from "./score-color";

export interface TrendPoint {
  label: string;
  score: number;
  grade: string | null;
}

/** The overall score over successive scans as a line (SVG), with the data as a screen-reader table. */
export function ScoreTrendChart({ points, caption }: { points: TrendPoint[]; caption: string }) {
  const width = 640;
  const height = 200;
  const pad = { top: 12, right: 16, bottom: 28, left: 36 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (score: number) => pad.top + innerH - (Math.max(0, Math.min(100, score)) / 100) * innerH;
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ");
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" aria-hidden="true" focusable="false">
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
            <text x={pad.left - 8} y={y(v) + 4} fontSize="12" textAnchor="end" fill="#475569">
              {v}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="#4338ca" strokeWidth={2.5} strokeLinejoin="round" />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.score)} r={4.5} fill={scoreFill(p.score)} stroke="#fff" strokeWidth={1.5} />
        ))}
        {points.length > 0 ? (
          <>
            <text x={x(0)} y={height - 8} fontSize="12" fill="#475569" textAnchor={points.length === 1 ? "middle" : "start"}>
              {points[0].label}
            </text>
            {points.length > 1 ? (
              <text x={x(points.length - 1)} y={height - 8} fontSize="12" fill="#475569" textAnchor="end">
                {points[points.length - 1].label}
              </text>
            ) : null}
          </>
        ) : null}
      </svg>
      {/* The wrapper hides it: a table ignores the 1 px width of .sr-only and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Scan</th>
              <th scope="col">Score</th>
              <th scope="col">Grade</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <th scope="row">{p.label}</th>
                <td>{p.score}</td>
                <td>{p.grade ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
