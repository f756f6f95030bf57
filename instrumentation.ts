// Next.js calls register() once when a server process starts, before it serves requests.
export async function register(): Promise<void> {
  // Edge runtime: no database there. Build: `next build` may load this too; opening the database there would
  // lock the data directory and seed it from a build worker.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await (await import("@/lib/boot")).boot();
}
