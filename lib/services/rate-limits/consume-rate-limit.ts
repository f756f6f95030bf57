import type { Prisma } from "@/lib/db";

// Fixed-window limits shared by every app instance through the RateLimitBucket table — without a database
// round trip per request. Each instance keeps, per key and window, what it last learned of the shared count
// plus the hits it admitted since (in memory), and writes those hits in batches with one atomic upsert
// (`count = count + n`) that also returns everybody's total.
//
// - A request whose key is known to be over the limit gets its 429 from memory: microseconds, no query.
// - The first request of a key in a window waits for one upsert (to learn what other instances already used).
// - After that, an instance admits hits locally and writes them once it holds BATCH_SHARE (10 %) of the budget
//   that was left at its last sync — 60 hits when 600 are left, 1 when fewer than 20 are left — or after
//   SYNC_INTERVAL_MS in the background. So far from the limit a query serves dozens of requests, and near the
//   limit every hit is written before it is answered (exact, like a plain counter).
//
// How the limit holds across N instances: between two syncs an instance admits at most 10 % of what was left
// when it last looked, so N instances together overshoot by at most N × 10 % of the remaining budget at the
// moment they diverged, and the overshoot shrinks geometrically as the budget runs out (each sync shrinks the
// next batch). With up to 10 instances the shared count can pass the limit only by the hits in flight during
// the last syncs; every instance sees the true total at its next sync (within SYNC_INTERVAL_MS when idle) and
// refuses from then on. Rejected hits are not written (they spend nothing).

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets (GitHub's X-RateLimit-Reset convention). */
  resetAt: number;
  retryAfter: number;
}

const BATCH_SHARE = 0.1;
const SYNC_INTERVAL_MS = 1_000;
const MAX_TRACKED_KEYS = 50_000;

interface LocalWindow {
  windowStart: number;
  /** the shared count as of the last sync (this instance's written hits included) */
  shared: number;
  /** hits admitted here and not written yet */
  pending: number;
  /** hits being written right now */
  inflight: number;
  known: boolean;
  syncedAt: number;
  syncing: Promise<void> | null;
}

// On globalThis so that Next.js's module copies (route bundles) share one table per process.
const store = globalThis as unknown as { __plumbRateLimitWindows?: Map<string, LocalWindow> };
const windows = (store.__plumbRateLimitWindows ??= new Map());

function localWindow(mapKey: string, windowStart: number, now: number, windowMs: number): LocalWindow {
  let w = windows.get(mapKey);
  if (!w || w.windowStart !== windowStart) {
    if (windows.size >= MAX_TRACKED_KEYS) sweep(now, windowMs);
    w = { windowStart, shared: 0, pending: 0, inflight: 0, known: false, syncedAt: 0, syncing: null };
    windows.set(mapKey, w);
  }
  return w;
}

function sweep(now: number, windowMs: number): void {
  for (const [k, w] of windows) if (w.windowStart + windowMs <= now && !w.syncing) windows.delete(k);
  // Still full (a flood of distinct keys in one window): forget the oldest; they re-learn from the database.
  if (windows.size >= MAX_TRACKED_KEYS) {
    let n = Math.ceil(MAX_TRACKED_KEYS / 10);
    for (const [k, w] of windows) {
      if (n-- <= 0) break;
      if (!w.syncing) windows.delete(k);
    }
  }
}

async function addToSharedCount(db: Prisma, key: string, n: number, windowStart: Date, expiresAt: Date): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart", "expiresAt")
    VALUES (${key}, ${n}, ${windowStart}, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" = EXCLUDED."windowStart"
                     THEN "RateLimitBucket"."count" + EXCLUDED."count" ELSE EXCLUDED."count" END,
      "windowStart" = EXCLUDED."windowStart",
      "expiresAt" = EXCLUDED."expiresAt"
    RETURNING "count"`;
  return Number(rows[0]?.count ?? n);
}

/** Writes the window's pending hits (possibly none: then it only learns the shared count). One at a time per window. */
function sync(db: Prisma, key: string, w: LocalWindow, windowMs: number): Promise<void> {
  if (w.syncing) return w.syncing;
  const n = w.pending;
  w.pending = 0;
  w.inflight = n;
  w.syncing = addToSharedCount(db, key, n, new Date(w.windowStart), new Date(w.windowStart + windowMs))
    .then((count) => {
      w.shared = Math.max(w.shared + n, count);
      w.known = true;
      w.syncedAt = Date.now();
    })
    .catch((err: unknown) => {
      w.pending += n;
      throw err;
    })
    .finally(() => {
      w.inflight = 0;
      w.syncing = null;
    });
  return w.syncing;
}

/**
 * Counts one hit on `key`. `allowed` is false once the window's limit is used (the refused hit is not counted);
 * the HTTP layer turns that into a 429 (lib/http/rate-limit.ts), sign-in limits into a delay.
 */
export async function consumeRateLimit(db: Prisma, key: string, limit: number, windowSeconds: number): Promise<RateLimitState & { allowed: boolean }> {
  const windowMs = windowSeconds * 1000;
  const mapKey = `${windowSeconds}\u0000${key}`;
  for (;;) {
    const now = Date.now();
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const resetMs = windowStart + windowMs;
    const w = localWindow(mapKey, windowStart, now, windowMs);
    const state = (used: number): RateLimitState => ({
      limit,
      remaining: Math.max(0, limit - used),
      resetAt: Math.ceil(resetMs / 1000),
      retryAfter: Math.max(1, Math.ceil((resetMs - now) / 1000)),
    });
    const refused = () => ({ ...state(limit), allowed: false });

    if (!w.known) {
      await sync(db, key, w, windowMs);
      continue;
    }
    const used = w.shared + w.inflight + w.pending;
    if (used >= limit) return refused();
    const batch = Math.max(1, Math.floor((limit - w.shared) * BATCH_SHARE));
    if (w.pending + 1 >= batch) {
      // This hit completes a batch: write it before answering, and learn what the other instances used.
      if (w.syncing) {
        await w.syncing.catch(() => undefined);
        continue;
      }
      w.pending++;
      await sync(db, key, w, windowMs);
      if (w.windowStart === windowStart && w.shared > limit) return refused();
      return { ...state(w.shared + w.inflight + w.pending), allowed: true };
    }
    w.pending++;
    if (!w.syncing && now - w.syncedAt >= SYNC_INTERVAL_MS) {
      // Keep the other instances' view fresh without making this request wait.
      sync(db, key, w, windowMs).catch((err: unknown) => console.error(`[rate-limit] background sync of ${key} failed:`, err));
    }
    return { ...state(used + 1), allowed: true };
  }
}
