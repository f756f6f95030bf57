// Number formatting and request lookups shared by the performance checks.
import type { NetworkRequest, PageArtifacts } from "../../types";

export const KiB = 1024;
export const MiB = 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MB`;
  if (n >= KiB) return `${Math.round(n / KiB)} KB`;
  return `${n} B`;
}

export function formatMs(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`;
}

/** Bytes a response cost on the wire; falls back to the decoded size when the encoded size is unknown. */
export function wireBytes(r: NetworkRequest): number {
  return r.transferBytes > 0 ? r.transferBytes : r.bodyBytes;
}

/** The network request that fetched `url` on this page (exact match, then ignoring the fragment). */
export function requestFor(page: PageArtifacts, url: string): NetworkRequest | undefined {
  const exact = page.requests.find((r) => r.url === url);
  if (exact) return exact;
  const bare = url.split("#")[0];
  return page.requests.find((r) => r.url.split("#")[0] === bare);
}

/** A successful, freshly downloaded response (cache hits and failures say nothing about the server). */
export function isFreshSuccess(r: NetworkRequest): boolean {
  return r.status !== null && r.status >= 200 && r.status < 300 && !r.fromCache && !r.failed && r.method === "GET";
}
