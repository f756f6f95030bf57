import { SafeUrl } from "./safe-url";

const URL_RE = /(https?:\/\/[^\s<>"'`)\]]+[^\s<>"'`)\].,;:!?])/g;

/** References in check texts (documentation, specs) become links; SafeUrl only links http(s). */
function linkify(text: string, key: number) {
  const pieces = text.split(URL_RE);
  if (pieces.length === 1) return text;
  return pieces.map((p, j) =>
    j % 2 === 1 ? <SafeUrl key={`${key}-${j}`} url={p} className="break-all text-brand-700 underline hover:text-brand-900" /> : p,
  );
}

/**
 * Check texts mark code with `backticks`. Split on them and show those parts as <code>; everything stays a
 * React text node (escaped), so a scanned site's text can never become markup.
 */
export function Prose({ text, className }: { text: string; className?: string }) {
  const parts = text.split(/`([^`\n]{1,500})`/);
  return (
    <p className={className}>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] break-all text-slate-900">
            {part}
          </code>
        ) : (
          linkify(part, i)
        ),
      )}
    </p>
  );
}
