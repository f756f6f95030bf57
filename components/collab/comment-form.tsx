"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui";
import { addCommentAction } from "@/app/o/[orgSlug]/tasks/actions";

/** Add a comment (markdown; @name or @email mentions a member, who is notified). */
export function CommentForm({ orgSlug, target }: { orgSlug: string; target: { findingId: string } | { taskId: string } }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const idFor = useId();
  return (
    <form
      className="mt-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const r = await addCommentAction(orgSlug, { target, body });
          if (r.ok) {
            setBody("");
            setError("");
            router.refresh();
          } else setError(r.error);
        });
      }}
    >
      <label htmlFor={idFor} className="text-sm font-medium text-slate-800">
        Add a comment
      </label>
      <textarea
        id={idFor}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={10_000}
        rows={3}
        placeholder="Markdown. Mention someone with @name or @email."
        className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-brand-600"
      />
      <div className="mt-2 flex items-center gap-3">
        <Button type="submit" size="sm" variant="secondary" loading={pending} disabled={!body.trim()}>
          Comment
        </Button>
        <p role="status" className="text-sm font-medium text-red-700">
          {error}
        </p>
      </div>
    </form>
  );
}
