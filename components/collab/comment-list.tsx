import { Markdown } from "./markdown";

export interface CommentView {
  id: string;
  who: string;
  at: { iso: string; label: string };
  body: string;
}

/** Comments, oldest first; bodies are markdown rendered with raw HTML disabled. */
export function CommentList({ comments }: { comments: CommentView[] }) {
  if (comments.length === 0) return <p className="text-sm text-slate-600">No comments yet.</p>;
  return (
    <ol className="space-y-3">
      {comments.map((c) => (
        <li key={c.id} className="rounded-md border border-slate-200 p-3">
          <p className="text-xs text-slate-600">
            <span className="font-medium text-slate-800">{c.who}</span> · <time dateTime={c.at.iso}>{c.at.label}</time>
          </p>
          <Markdown text={c.body} className="mt-1" />
        </li>
      ))}
    </ol>
  );
}
