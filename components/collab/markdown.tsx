import MarkdownIt from "markdown-it";

// Markdown written by members (task descriptions, comments). Raw HTML is off, so `<script>` or `<img onerror>`
// in the text comes out as visible text; markdown-it's own link check refuses javascript:, vbscript: and data:
// (except images) URLs. Links open without passing the opener or the referrer.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet("rel", "nofollow noopener noreferrer");
  tokens[idx].attrSet("target", "_blank");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(text: string): string {
  return md.render(text.slice(0, 20_000));
}

export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div
      className={`markdown break-words text-sm text-slate-800 [&_a]:text-brand-700 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-1 [&_pre]:overflow-x-auto [&_ul]:list-disc ${className ?? ""}`}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }}
    />
  );
}
