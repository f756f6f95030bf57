/**
 * A URL that came from a scanned site: a link only when it is http(s), otherwise plain text. React escapes
 * the text; rel keeps the opened page from reaching back into the dashboard or earning link credit.
 */
export function SafeUrl({ url, className }: { url: string; className?: string }) {
  let href: string | null = null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") href = parsed.href;
  } catch {
    href = null;
  }
  if (!href) return <span className={className ?? "break-all font-mono text-xs"}>{url}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className={className ?? "break-all font-mono text-xs text-brand-700 underline hover:text-brand-900"}>
      {url}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
