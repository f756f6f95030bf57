// A shields.io-style flat badge: "plumb | 87 B". Text is escaped (it is ours today, but the badge is embedded
// on other people's pages, so nothing unescaped ever goes in), widths are estimated from character classes
// since there is no font metrics engine on the server.

export type BadgeState =
  | { kind: "unverified" }
  | { kind: "no_scan" }
  | { kind: "score"; score: number; grade: string | null };

const GREY = "#9f9f9f";
const GRADE_COLORS: [RegExp, string][] = [
  [/^A/, "#44cc11"],
  [/^B/, "#97ca00"],
  [/^C/, "#dfb317"],
  [/^D/, "#fe7d37"],
  [/^[EF]/, "#e05d44"],
];

function colorForScore(score: number): string {
  if (score >= 90) return "#44cc11";
  if (score >= 80) return "#97ca00";
  if (score >= 70) return "#dfb317";
  if (score >= 50) return "#fe7d37";
  return "#e05d44";
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Approximate Verdana 11px advance widths (the shields.io font), in px. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (/[il.,:;|!' ]/.test(ch)) w += 3.5;
    else if (/[mwMW@]/.test(ch)) w += 10;
    else if (/[A-Z0-9+]/.test(ch)) w += 7.5;
    else w += 6.5;
  }
  return Math.ceil(w);
}

export function badgeMessage(state: BadgeState): { text: string; color: string } {
  switch (state.kind) {
    case "unverified":
      return { text: "unverified", color: GREY };
    case "no_scan":
      return { text: "no scan", color: GREY };
    case "score": {
      const score = Math.max(0, Math.min(100, Math.round(state.score)));
      const grade = state.grade?.slice(0, 3) ?? "";
      const color = GRADE_COLORS.find(([re]) => re.test(grade))?.[1] ?? colorForScore(score);
      return { text: grade ? `${score} ${grade}` : `${score}`, color };
    }
  }
}

export function renderBadge(state: BadgeState, label = "plumb"): string {
  const { text, color } = badgeMessage(state);
  const lw = textWidth(label) + 10;
  const mw = textWidth(text) + 10;
  const w = lw + mw;
  const l = escapeXml(label);
  const m = escapeXml(text);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${l}: ${m}">
<title>${l}: ${m}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${color}"/><rect width="${w}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3">${l}</text><text x="${lw / 2}" y="14">${l}</text>
<text x="${lw + mw / 2}" y="15" fill="#010101" fill-opacity=".3">${m}</text><text x="${lw + mw / 2}" y="14">${m}</text>
</g>
</svg>`;
}
