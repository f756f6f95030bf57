// Reads <meta name=… content=…> values out of untrusted HTML without a DOM. Only the document head counts:
// comments are removed first (a commented-out tag proves nothing) and parsing stops at </head> or <body, so
// content users can post into a page body cannot verify a domain.

const ATTRIBUTE = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/gi, '"')
    .replace(/&#0*39;|&apos;/gi, "'")
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d{1,7});/g, (_, d: string) => String.fromCodePoint(Math.min(parseInt(d, 10), 0x10ffff)))
    .replace(/&amp;/gi, "&");
}

function headOf(html: string): string {
  const noComments = html.replace(/<!--[\s\S]*?(-->|$)/g, "");
  const end = noComments.search(/<\/head\s*>|<body[\s>]/i);
  return end === -1 ? noComments : noComments.slice(0, end);
}

/** Every `content` of a meta tag whose `name` equals `name` (case-insensitive), trimmed, in document order. */
export function findMetaContents(html: string, name: string): string[] {
  const wanted = name.toLowerCase();
  const out: string[] = [];
  for (const tag of headOf(html).matchAll(/<meta\b([^>]*)>/gi)) {
    const attrs = new Map<string, string>();
    for (const m of tag[1].matchAll(ATTRIBUTE)) {
      const key = m[1].toLowerCase();
      if (!attrs.has(key)) attrs.set(key, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
    }
    if (attrs.get("name")?.trim().toLowerCase() === wanted && attrs.has("content")) out.push(attrs.get("content")!.trim());
  }
  return out;
}
