// Scripts and stylesheets shipped with their comments and indentation. The minified size is estimated
// without a parser: comments dropped, and whitespace kept only where two word characters would otherwise
// merge. Like Lighthouse's estimate it can be off on exotic syntax (a regex literal containing a quote or
// "/*"), so the thresholds are its own: at least 2 KiB and 10% to gain.
import type { CheckDefinition, CheckResult, NetworkRequest } from "../../types";
import { fail } from "../shared/result";
import { urlWithoutQuery } from "../shared/web";
import { formatBytes, isFreshSuccess, KiB } from "./format";

const MIN_BYTES = 4 * KiB;
const MIN_SAVINGS_BYTES = 2 * KiB;
const MIN_SAVINGS_RATIO = 0.1;

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const x = c.charCodeAt(0);
  return (x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 95 || x === 36 || x >= 128;
}

/**
 * Characters left after dropping comments and needless whitespace. JS strings and template literals are
 * kept whole; `/*!` licence comments count as kept. `css` skips the JS-only `//` comments.
 */
export function estimateMinifiedLength(source: string, kind: "js" | "css"): number {
  let kept = 0;
  let i = 0;
  let lastKept: string | undefined;
  let pendingSpace = false;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      if (source[i + 2] === "!") kept += stop - i;
      i = stop;
      pendingSpace = true;
      continue;
    }
    if (kind === "js" && c === "/" && next === "/") {
      const end = source.indexOf("\n", i + 2);
      i = end === -1 ? n : end;
      pendingSpace = true;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f") {
      pendingSpace = true;
      i++;
      continue;
    }
    // A space survives only between two characters that would otherwise fuse (`return x`, `a -b` aside).
    if (pendingSpace && isWordChar(lastKept) && isWordChar(c)) kept++;
    pendingSpace = false;
    if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < n && source[j] !== c) {
        if (source[j] === "\\") j++;
        else if (c !== "`" && source[j] === "\n") break; // unterminated: stop at the line end
        j++;
      }
      const stop = Math.min(n, j + 1);
      kept += stop - i;
      lastKept = c;
      i = stop;
      continue;
    }
    kept++;
    lastKept = c;
    i++;
  }
  return kept;
}

interface Candidate {
  request: NetworkRequest;
  savings: number;
}

// A site's bundle appears on every page it scans: estimate each file once. Bounded, since the engine is a
// long-lived library in the server.
const ratios = new Map<string, number>();

function removableRatio(r: NetworkRequest, body: string, kind: "js" | "css"): number {
  const key = `${r.url}\u0000${r.bodyBytes}\u0000${body.length}`;
  let ratio = ratios.get(key);
  if (ratio === undefined) {
    ratio = 1 - estimateMinifiedLength(body, kind) / body.length;
    if (ratios.size >= 1_000) ratios.clear();
    ratios.set(key, ratio);
  }
  return ratio;
}

function candidate(r: NetworkRequest): Candidate | null {
  if (!isFreshSuccess(r) || r.body === undefined) return null;
  const kind = r.resourceType === "script" ? "js" : r.resourceType === "stylesheet" ? "css" : null;
  if (!kind || r.bodyBytes < MIN_BYTES || r.body.length === 0) return null;
  // The body may be capped: judge the part we have and scale it to the whole response.
  const ratio = removableRatio(r, r.body, kind);
  const savings = Math.round(r.bodyBytes * ratio);
  return ratio >= MIN_SAVINGS_RATIO && savings >= MIN_SAVINGS_BYTES ? { request: r, savings } : null;
}

export const unminifiedCode: CheckDefinition = {
  rule: "perf-unminified-code",
  pillar: "performance",
  severity: "low",
  weight: 3,
  title: "JavaScript or CSS is not minified",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null || page.status >= 400) return "n/a";
    const judged = page.requests.filter((r) => r.body !== undefined && (r.resourceType === "script" || r.resourceType === "stylesheet"));
    if (judged.length === 0) return "n/a";
    const found = judged.map(candidate).filter((c): c is Candidate => c !== null);
    // One result per file: the file is what has to change, so six pages loading one script are one finding.
    const results: CheckResult[] = [];
    for (const c of found.sort((a, b) => b.savings - a.savings).slice(0, 25)) {
      const thirdParty = c.request.thirdParty;
      const file = urlWithoutQuery(c.request.url);
      results.push(
        fail(unminifiedCode, {
          url: page.url,
          key: file,
          siteWide: true,
          // Tens of kilobytes of first-party savings is real download and parse time on a phone.
          severity: !thirdParty && c.savings >= 50 * KiB ? "medium" : "low",
          description: `This ${thirdParty ? "third-party " : ""}file still carries comments and indentation; minifying would save about ${formatBytes(c.savings)} before compression. Every byte is downloaded and parsed on each uncached visit.`,
          fix: thirdParty
            ? "Load the provider's minified build (usually a .min.js / .min.css URL), or self-host a minified copy."
            : "Minify production assets in the build: esbuild/Vite/webpack (terser) for JavaScript, Lightning CSS, cssnano or esbuild for CSS. Serve the minified files, compressed, and keep source maps private.",
          evidence: `${formatBytes(c.savings)} of ${formatBytes(c.request.bodyBytes)} removable  ${file}`,
        }),
      );
    }
    return results;
  },
};
