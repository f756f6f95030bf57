// Jira Cloud's REST v3 takes rich text only as Atlassian Document Format (ADF). Plumb's issue drafts are
// markdown (lib/integrations/provider.ts IssueDraft.body); this converts the subset the drafts use: headings,
// paragraphs, bullet lists, fenced code, inline code, bold and links. Anything else stays as plain text.

export interface AdfMark {
  type: "strong" | "code" | "link";
  attrs?: { href: string };
}
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: AdfMark[];
}
export interface AdfDoc {
  type: "doc";
  version: 1;
  content: AdfNode[];
}

// Code spans as CommonMark writes them: a run of N backticks closed by the same run (the issue drafts use a
// longer run when the hostile text inside contains backticks), one padding space trimmed on each side.
const CODE_SPAN = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/;
const INLINE = /((`+)(?!`)[\s\S]*?[^`]\2(?!`)|\*\*[^*]+\*\*|\[[^\]]+\]\((?:https?:\/\/|mailto:)[^)\s]+\))/g;

function codeSpanText(part: string): string | null {
  const m = CODE_SPAN.exec(part);
  if (!m || m.index !== 0 || m[0].length !== part.length) return null;
  const inner = m[2];
  return inner.length > 2 && inner.startsWith(" ") && inner.endsWith(" ") ? inner.slice(1, -1) : inner;
}

/** Splits inline markdown into segments: code spans first, so nothing inside one is read as markup. */
function inlineSegments(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(m[0]);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function inlineNodes(text: string): AdfNode[] {
  const out: AdfNode[] = [];
  for (const part of inlineSegments(text)) {
    if (!part) continue;
    const code = part.startsWith("`") ? codeSpanText(part) : null;
    if (code !== null) out.push({ type: "text", text: code, marks: [{ type: "code" }] });
    else if (part.startsWith("**") && part.endsWith("**") && part.length > 4) out.push({ type: "text", text: part.slice(2, -2), marks: [{ type: "strong" }] });
    else {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
      if (link) out.push({ type: "text", text: link[1], marks: [{ type: "link", attrs: { href: link[2] } }] });
      else out.push({ type: "text", text: part });
    }
  }
  return out;
}

/** A fence closes with a run of backticks at least as long as the one that opened it, and nothing else. */
function isFenceClose(line: string, open: string): boolean {
  const m = /^(`{3,})\s*$/.exec(line);
  return !!m && m[1].length >= open.length;
}

export function markdownToAdf(markdown: string): AdfDoc {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const content: AdfNode[] = [];
  let paragraph: string[] = [];
  let list: AdfNode[] | null = null;
  const flushParagraph = () => {
    if (paragraph.length) content.push({ type: "paragraph", content: inlineNodes(paragraph.join(" ")) });
    paragraph = [];
  };
  const flushList = () => {
    if (list?.length) content.push({ type: "bulletList", content: list });
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(`{3,})(\w*)\s*$/.exec(line);
    if (fence) {
      flushParagraph();
      flushList();
      const code: string[] = [];
      for (i++; i < lines.length && !isFenceClose(lines[i], fence[1]); i++) code.push(lines[i]);
      content.push({ type: "codeBlock", attrs: fence[2] ? { language: fence[2] } : {}, content: code.length ? [{ type: "text", text: code.join("\n") }] : [] });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      content.push({ type: "heading", attrs: { level: heading[1].length }, content: inlineNodes(heading[2]) });
      continue;
    }
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (item) {
      flushParagraph();
      (list ??= []).push({ type: "listItem", content: [{ type: "paragraph", content: inlineNodes(item[1]) }] });
      continue;
    }
    if (!line.trim()) {
      flushParagraph();
      flushList();
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return { type: "doc", version: 1, content };
}

/** Wiki markup's special characters, escaped so hostile text inside a code span stays literal. */
function wikiEscape(s: string): string {
  return s.replace(/[\\{}[\]*_^~+\-|!?#]/g, (c) => `\\${c}`);
}

/** Jira Data Center (REST v2) takes wiki markup: the same subset, in its syntax. */
export function markdownToWiki(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const inline = (s: string) =>
    inlineSegments(s)
      .map((part) => {
        const code = part.startsWith("`") ? codeSpanText(part) : null;
        if (code !== null) return `{{${wikiEscape(code)}}}`;
        return part.replace(/\*\*([^*]+)\*\*/g, "*$1*").replace(/\[([^\]|]+)\]\(([^)\s|]+)\)/g, "[$1|$2]");
      })
      .join("");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(`{3,})(\w*)\s*$/.exec(line);
    if (fence) {
      const code: string[] = [];
      for (i++; i < lines.length && !isFenceClose(lines[i], fence[1]); i++) code.push(lines[i].replace(/\{noformat\}/gi, "{ noformat}"));
      // {noformat} renders everything inside literally (no macros, no links), unlike {code}'s language modes.
      out.push("{noformat}", ...code, "{noformat}");
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) out.push(`h${heading[1].length}. ${inline(heading[2])}`);
    else if (/^\s*[-*]\s+/.test(line)) out.push(`* ${inline(line.replace(/^\s*[-*]\s+/, ""))}`);
    else out.push(inline(line));
  }
  return out.join("\n");
}
