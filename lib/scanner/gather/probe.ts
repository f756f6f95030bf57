// Cheap HTTP probes of site files through the SSRF guard. Never throws: failures become status null.
import { safeFetch, type PrivateOrigin } from "../../net/ssrf";
import type { ProbeResult } from "../types";

export interface ProbeOptions {
  allowPrivate: boolean;
  allowedPrivateOrigins?: readonly PrivateOrigin[];
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
}

export const PROBE_UA = "Mozilla/5.0 (compatible; Plumb/0.1; +https://plumb.dev/bot)";

export async function probe(url: string, opts: ProbeOptions & { method?: string; headers?: Record<string, string>; maxRedirects?: number }): Promise<ProbeResult> {
  try {
    const res = await safeFetch(url, {
      method: opts.method ?? "GET",
      headers: { "user-agent": PROBE_UA, ...opts.headers },
      timeoutMs: opts.timeoutMs ?? 6_000,
      maxBytes: opts.maxBytes ?? 100_000,
      maxRedirects: opts.maxRedirects ?? 3,
      allowPrivate: opts.allowPrivate,
      allowedPrivateOrigins: opts.allowedPrivateOrigins,
      signal: opts.signal,
    });
    const result: ProbeResult = { url: res.finalUrl, status: res.status, headers: res.headers, body: res.body };
    if (res.headers["content-type"]) result.contentType = res.headers["content-type"];
    return result;
  } catch (err) {
    return { url, status: null, headers: {}, body: "", error: (err as Error).message };
  }
}

/** HEAD first (cheap); servers that refuse HEAD get a capped GET. */
export async function probeStatus(url: string, opts: ProbeOptions): Promise<number | null> {
  const head = await probe(url, { ...opts, method: "HEAD", maxBytes: 1 });
  if (head.status !== null && head.status !== 405 && head.status !== 501 && head.status !== 403) return head.status;
  const get = await probe(url, { ...opts, maxBytes: 16_384 });
  return get.status;
}

/** Runs `fn` over items with at most `limit` in flight. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return out;
}
