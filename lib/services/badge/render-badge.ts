// Shields.io-style badges: "plumb | 87 B" in three styles (flat, flat-square, for-the-badge). Text is
// escaped (it is ours today, but the badge is embedded on other people's pages, so nothing unescaped ever
// goes in), widths are estimated from character classes since there is no font metrics engine on the server.

export type BadgeState =
  | { kind: "unknown" }
  | { kind: "unverified" }
  | { kind: "no_scan" }
  /** a pillar badge for a pillar no counting scan has covered */
  | { kind: "not_scanned" }
  /** a pillar badge for a pillar covered but with no applicable check */
  | { kind: "not_applicable" }
  | { kind: "score"; score: number; grade: string | null };

export const BADGE_STYLES = ["flat", "flat-square", "for-the-badge"] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];

export interface BadgeOptions {
  label?: string;
  style?: BadgeStyle;
  /** absolute http(s) URL the badge links to (the public directory page) */
  link?: string | null;
}

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
    case "unknown":
      return { text: "unknown", color: GREY };
    case "unverified":
      return { text: "unverified", color: GREY };
    case "no_scan":
      return { text: "no scan", color: GREY };
    case "not_scanned":
      return { text: "not scanned", color: GREY };
    case "not_applicable":
      return { text: "n/a", color: GREY };
    case "score": {
      const score = Math.max(0, Math.min(100, Math.round(state.score)));
      const grade = state.grade?.slice(0, 3) ?? "";
      const color = GRADE_COLORS.find(([re]) => re.test(grade))?.[1] ?? colorForScore(score);
      return { text: grade ? `${score} ${grade}` : `${score}`, color };
    }
  }
}

function safeLink(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const u = new URL(link);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
}

/** Wraps the drawing in a link when there is one (it works where the SVG is a document or an <object>). */
function linked(body: string, link: string | null): string {
  if (!link) return body;
  const href = escapeXml(link);
  return `<a href="${href}" xlink:href="${href}" target="_blank">${body}</a>`;
}

function flat(label: string, text: string, color: string, square: boolean, link: string | null): string {
  const lw = textWidth(label) + 10;
  const mw = textWidth(text) + 10;
  const w = lw + mw;
  const l = escapeXml(label);
  const m = escapeXml(text);
  const shading = square
    ? ""
    : `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>
`;
  const group = square ? `<g shape-rendering="crispEdges">` : `<g clip-path="url(#r)">`;
  const gloss = square ? "" : `<rect width="${w}" height="20" fill="url(#s)"/>`;
  const shadow = (x: number, t: string) => (square ? "" : `<text x="${x}" y="15" fill="#010101" fill-opacity=".3">${t}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="20" role="img" aria-label="${l}: ${m}">
<title>${l}: ${m}</title>
${shading}${linked(`${group}<rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${color}"/>${gloss}</g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
${shadow(lw / 2, l)}<text x="${lw / 2}" y="14">${l}</text>
${shadow(lw + mw / 2, m)}<text x="${lw + mw / 2}" y="14">${m}</text>
</g>`, link)}
</svg>`;
}

function forTheBadge(label: string, text: string, color: string, link: string | null): string {
  const L = label.toUpperCase();
  const M = text.toUpperCase();
  // Capitals at 10px with 0.1em tracking, bold message: about 1.1 × the 11px estimate, plus 12px padding a side.
  const lw = Math.ceil(textWidth(L) * 1.1) + 24;
  const mw = Math.ceil(textWidth(M) * 1.2) + 24;
  const w = lw + mw;
  const l = escapeXml(L);
  const m = escapeXml(M);
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="28" role="img" aria-label="${l}: ${m}">
<title>${l}: ${m}</title>
${linked(`<g shape-rendering="crispEdges"><rect width="${lw}" height="28" fill="#555"/><rect x="${lw}" width="${mw}" height="28" fill="${color}"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="10" letter-spacing="1">
<text x="${lw / 2}" y="17.5">${l}</text><text x="${lw + mw / 2}" y="17.5" font-weight="bold">${m}</text>
</g>`, link)}
</svg>`;
}

export function renderBadge(state: BadgeState, opts: BadgeOptions = {}): string {
  const { text, color } = badgeMessage(state);
  const label = opts.label ?? "plumb";
  const link = safeLink(opts.link);
  const style = opts.style ?? "flat";
  if (style === "for-the-badge") return forTheBadge(label, text, color, link);
  return flat(label, text, color, style === "flat-square", link);
}
