export default function SettingsLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading…</span>
      <div className="h-40 rounded-lg bg-slate-200" />
      <div className="mt-6 h-64 rounded-lg bg-slate-200" />
    </div>
  );
}
