export default function Loading() {
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <div role="status" aria-live="polite" className="animate-pulse">
        <span className="sr-only">Loading the directory…</span>
        <div className="h-8 w-48 rounded bg-slate-200" />
        <div className="mt-8 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div className="h-32 rounded-lg bg-slate-200" />
          <div className="h-32 rounded-lg bg-slate-200" />
          <div className="h-32 rounded-lg bg-slate-200" />
        </div>
      </div>
    </main>
  );
}
