import { Fragment } from "react";

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/**
 * A plain-text e-mail body with its http(s) links clickable. React escapes the text; only http(s) URLs become
 * links, so a body can never smuggle markup or a javascript: URL onto the page.
 */
export function MailBody({ text }: { text: string }) {
  const parts: { text: string; href?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: match[0], href: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return (
    <pre className="font-sans text-sm leading-6 break-words whitespace-pre-wrap text-slate-800">
      {parts.map((p, i) =>
        p.href ? (
          <a key={i} href={p.href} className="break-all font-medium text-brand-700 underline" rel="noreferrer noopener">
            {p.text}
          </a>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </pre>
  );
}
