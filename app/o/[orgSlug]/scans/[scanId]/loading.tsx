export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading the scan…</span>
      <div className="h-4 w-40 rounded bg-slate-200" />
      <div className="mt-2 h-7 w-56 rounded bg-slate-200" />
      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="h-48 rounded-lg bg-slate-200" />
        <div className="h-48 rounded-lg bg-slate-200 lg:col-span-2" />
      </div>
    </div>
  );
}
