// Invalidation of the in-memory public results (badge, directory). Two mechanisms, on purpose:
// - an in-process version counter, bumped by every change that can move a result (a scan settling, a
//   finding's status or severity changing, a domain's settings, verification or deletion): this process
//   serves the new result on its very next request, at the price of one integer comparison per hit;
// - a short TTL (PUBLIC_RESULT_TTL_MS) on every entry, for changes made by another process (a worker
//   settling scans while web instances serve badges): no cross-process signal exists, so they show up
//   within the TTL.
// The counter lives on globalThis because Next.js may bundle this module into several server chunks (route
// handlers, pages, the job runner); they all share one process and must share one counter.

const KEY = Symbol.for("plumb.domainResultVersion");

type Holder = typeof globalThis & { [KEY]?: { version: number } };

function holder(): { version: number } {
  const g = globalThis as Holder;
  return (g[KEY] ??= { version: 0 });
}

export const PUBLIC_RESULT_TTL_MS = 30_000;

export function domainResultVersion(): number {
  return holder().version;
}

/** Call after committing any change that can move a domain's public result. */
export function bumpDomainResultVersion(): void {
  holder().version += 1;
}
