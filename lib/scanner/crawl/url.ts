// URL normalisation for crawling and deduplication.

const TRACKING_PARAMS = /^(utm_[a-z]+|gclid|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl|yclid|ref_src)$/i;

/**
 * The URL we visit: fragment stripped, query parameters sorted, tracking parameters dropped, default port
 * and host case normalised by URL itself. Returns null for non-http(s) or unparseable input.
 */
export function normalizeUrl(input: string, base?: string): string | null {
  let u: URL;
  try {
    u = base ? new URL(input, base) : new URL(input);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  u.hash = "";
  u.username = "";
  u.password = "";
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING_PARAMS.test(k));
  params.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  u.search = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  if (u.pathname === "") u.pathname = "/";
  return u.toString();
}

/**
 * Identity for "have we seen this page": the normalised URL with a trailing slash (except the root) and
 * index.html/index.php removed, so /docs, /docs/ and /docs/index.html count once.
 */
export function urlKey(input: string): string | null {
  const n = normalizeUrl(input);
  if (!n) return null;
  const u = new URL(n);
  u.pathname = u.pathname.replace(/\/index\.(html?|php)$/i, "/");
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, "");
  return u.toString();
}

export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** Path extensions that are never HTML pages: skipped without fetching. */
export function looksNonHtml(url: string): boolean {
  try {
    return /\.(pdf|zip|gz|tgz|rar|7z|png|jpe?g|gif|webp|avif|svg|ico|mp[34]|webm|mov|avi|wav|ogg|css|js|mjs|json|xml|txt|csv|woff2?|ttf|eot|exe|dmg|apk|docx?|xlsx?|pptx?)$/i.test(new URL(url).pathname);
  } catch {
    return true;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The template of a path, for grouping pages: numeric, UUID, long hex/base64-ish and date segments collapse
 * (/blog/2024/05/123-my-post -> /blog/:n/:n/:slug-n… ; /users/42 -> /users/:n).
 */
export function pathTemplate(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0];
  }
  const segments = path.split("/").map((seg) => {
    if (seg === "") return seg;
    if (/^\d+$/.test(seg)) return ":n";
    if (UUID.test(seg)) return ":id";
    if (/^[0-9a-f]{16,}$/i.test(seg)) return ":hash";
    if (/^[A-Za-z0-9_-]{24,}$/.test(seg) && /\d/.test(seg) && /[A-Za-z]/.test(seg)) return ":token";
    if (/^\d+[-_]/.test(seg)) return ":n-slug";
    return seg;
  });
  let out = segments.join("/");
  if (out.length > 1) out = out.replace(/\/+$/, "");
  return out || "/";
}
