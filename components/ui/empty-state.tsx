import type { ReactNode } from "react";
import { cn } from "./cn";

export interface EmptyStateProps {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Primary and secondary actions (buttons or links); omit rather than offer an action that does not exist yet. */
  actions?: ReactNode;
  /** Heading level in the page outline (default h2). */
  as?: "h1" | "h2" | "h3";
  className?: string;
}

/** What a list or page shows when there is nothing yet: says why, and what to do next. */
export function EmptyState({ icon, title, description, actions, as: Heading = "h2", className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center",
        className,
      )}
    >
      {icon ? (
        <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-700" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
      {description ? <div className="mt-2 max-w-md text-sm text-slate-600">{description}</div> : null}
      {actions ? <div className="mt-6 flex flex-wrap justify-center gap-3">{actions}</div> : null}
    </div>
  );
}
