import { cn } from "./cn";

/** The plumb-bob mark and wordmark. `compact` hides the wordmark visually but keeps the name for screen readers. */
export function Logo({ compact = false, className }: { compact?: boolean; className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900", className)}>
      <svg viewBox="0 0 24 24" className="size-7 shrink-0" aria-hidden="true" focusable="false">
        <rect width="24" height="24" rx="6" className="fill-brand-700" />
        <path d="M12 4v5" stroke="white" strokeWidth="1.75" strokeLinecap="round" />
        <path d="M12 9 8 13.5 12 20l4-6.5Z" fill="white" />
      </svg>
      <span className={cn("text-lg", compact && "sr-only")}>Plumb</span>
    </span>
  );
}
