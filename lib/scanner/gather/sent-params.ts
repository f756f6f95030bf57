// What a request to a third party carried: the names of its query and body parameters, each value classified
// (identifier, screen/device data, page URL, email-like, timestamp, other). Runs while the page is gathered,
// so the values themselves never leave this module: artifacts, results and the database hold names and kinds.
import type { SentParam, SentParamKind } from "../types";
import { hostOf, siteOf } from "./party";

const MAX_PARAMS = 40;
const MAX_NAME = 60;
const MAX_DEPTH = 3;

// Names analytics and ad beacons use for visitor, client, session and device ids.
const ID_NAME =
  /^(_?c?id|uid|uuid|guid|vid|sid|cid|tid|did|pid|_ga|_gid|fbp|_fbp|fbc|gclid|fbclid|msclkid|ttclid|dclid|anon(ymous)?[_-]?id|(client|user|visitor|session|device|browser|anon|profile|customer|member|tracking|cookie|external|distinct|fingerprint|fp|ad|advertising)[_-]?(id|key|token|hash))$|[_-](id|uid|uuid|guid)$/i;
const DEVICE_NAME =
  /^(sr|vp|sd|ul|ua|de|cd|res|dpr|tz|sw|sh|bw|bh|vw|vh|lang|language|languages|screen|screen[_-]?(res|resolution|size|width|height|depth)|viewport|viewport[_-]?(size|width|height)|resolution|color[_-]?depth|pixel[_-]?ratio|device|device[_-]?(type|model|memory)|platform|os|browser|user[_-]?agent|timezone|time[_-]?zone|hardware[_-]?concurrency|cores|plugins|fonts|touch|orientation|width|height)$/i;
// Cache busters and asset versions look random but single out nobody.
const VERSION_NAME = /^(v|ver|version|rev|build|hash|h|cb|_cb|cachebust|cache[_-]?buster|nocache|rnd|random|r|_r|z|_z)$/i;
const TIME_NAME = /^(t|ts|_t|z|_z|time|timestamp|now|date|cb|_cb|rnd|r|_r)$/i;

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HEX_ID = /^[0-9a-f]{16,128}$/i;
const GA_CLIENT = /^(GA\d\.\d\.)?\d{6,12}\.\d{9,11}$/; // Google Analytics client ids and the like
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;
const EMAIL = /^[^\s@<>()]{1,64}@[^\s@<>()]{1,190}\.[A-Za-z]{2,24}$/;
const RESOLUTION = /^\d{2,5}\s*[x×*]\s*\d{2,5}$/;
const USER_AGENT = /^Mozilla\/\d|AppleWebKit\/|Chrome\/\d/;

/** A value that looks random enough to single out a visitor (letters and digits mixed, no spaces). */
function looksLikeToken(v: string): boolean {
  if (!TOKEN.test(v)) return false;
  return /\d/.test(v) && /[A-Za-z]/.test(v) && new Set(v).size >= 10;
}

function isTimestamp(v: string, now: number): boolean {
  if (!/^\d{10}(\d{3})?$/.test(v)) return false;
  const ms = v.length === 13 ? Number(v) : Number(v) * 1000;
  return Math.abs(ms - now) < 10 * 365 * 86_400_000;
}

function isUrlOfPage(v: string, pageUrl: string): boolean | null {
  if (!/^(https?:)?\/\//i.test(v)) return null;
  const page = hostOf(pageUrl);
  const host = hostOf(v.startsWith("//") ? `http:${v}` : v);
  if (!host || !page) return null;
  return siteOf(host) === siteOf(page);
}

/** Classifies one value. The name helps where the value alone is ambiguous (a short id, "1440x900"). */
export function classifyValue(name: string, raw: string, ctx: { pageUrl: string; now: number }): SentParamKind {
  const v = raw.trim();
  if (!v) return "other";
  const bare = name.replace(/^.*[.[\]]/, "");
  if (EMAIL.test(v)) return "email";
  const ofPage = isUrlOfPage(v, ctx.pageUrl);
  if (ofPage === true) return "page_url";
  if (ofPage === false) return "other";
  if (isTimestamp(v, ctx.now) && !ID_NAME.test(bare)) return "timestamp";
  if (VERSION_NAME.test(bare)) return "other";
  if (RESOLUTION.test(v) || USER_AGENT.test(v)) return "screen_device";
  if (UUID.test(v) || HEX_ID.test(v) || GA_CLIENT.test(v)) return "identifier";
  if (ID_NAME.test(bare) && v.length >= 6 && !/^(true|false|null|undefined)$/i.test(v)) return "identifier";
  if (DEVICE_NAME.test(bare)) return "screen_device";
  if (TIME_NAME.test(bare) && /^\d{10,13}$/.test(v)) return "timestamp";
  if (looksLikeToken(v)) return "identifier";
  return "other";
}

function cleanName(name: string): string {
  // Parameter names are hostile text too: printable, capped.
  const printable = Array.from(name, (ch) => (/[\p{L}\p{N}\p{P}\p{S} ]/u.test(ch) ? ch : "?")).join("");
  return printable.slice(0, MAX_NAME) || "(empty)";
}

function decodeForm(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

function flattenJson(value: unknown, prefix: string, depth: number, out: [string, string][]): void {
  if (out.length >= MAX_PARAMS) return;
  if (prefix.length > 200) return; // hostile nesting ([[[[…]]]]): arrays do not count towards MAX_DEPTH
  if (value === null || value === undefined) {
    if (prefix) out.push([prefix, ""]);
    return;
  }
  if (Array.isArray(value)) {
    // Batched events: the first element stands for its siblings.
    if (value.length) flattenJson(value[0], `${prefix}[]`, depth, out);
    else if (prefix) out.push([prefix, ""]);
    return;
  }
  if (typeof value === "object") {
    if (depth >= MAX_DEPTH) {
      if (prefix) out.push([prefix, ""]);
      return;
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (out.length >= MAX_PARAMS) return;
      flattenJson(v, prefix ? `${prefix}.${k}` : k, depth + 1, out);
    }
    return;
  }
  out.push([prefix || "(value)", String(value)]);
}

/** Name/value pairs of a request body: form-encoded, JSON, or key=value text; anything else is one "(raw body)". */
export function bodyPairs(body: string, contentType: string | undefined): [string, string][] {
  const text = body.trim();
  if (!text) return [];
  const out: [string, string][] = [];
  const ct = (contentType ?? "").toLowerCase();
  if (ct.includes("json") || /^[[{]/.test(text)) {
    try {
      flattenJson(JSON.parse(text) as unknown, "", 0, out);
      return out;
    } catch {
      // A body cut at the sample cap is not valid JSON: take the keys and scalar values it shows.
      const re = /"([^"\\]{1,80})"\s*:\s*("((?:[^"\\]|\\.){0,500})"|-?\d[\d.eE+-]*|true|false|null)/g;
      for (let m = re.exec(text); m && out.length < MAX_PARAMS; m = re.exec(text)) out.push([m[1], m[3] ?? m[2]]);
      if (out.length) return out;
    }
  }
  if (ct.includes("x-www-form-urlencoded") || /^[^\s=&]{1,80}=[^\s]*(&[^\s=&]{1,80}=[^\s]*)*$/.test(text)) {
    for (const part of text.split("&")) {
      if (out.length >= MAX_PARAMS) break;
      const eq = part.indexOf("=");
      out.push([decodeForm(eq < 0 ? part : part.slice(0, eq)), eq < 0 ? "" : decodeForm(part.slice(eq + 1))]);
    }
    return out;
  }
  return [["(raw body)", text.length > 200 ? text.slice(0, 200) : text]];
}

/**
 * The parameters a request sent: its query string and, when given, a sample of its body. One entry per
 * (place, name); a name seen twice keeps its first value's kind unless a later one is an identifier.
 */
export function describeSentParams(input: {
  url: string;
  pageUrl: string;
  body?: string;
  contentType?: string;
  now?: number;
}): SentParam[] {
  const ctx = { pageUrl: input.pageUrl, now: input.now ?? Date.now() };
  const out = new Map<string, SentParam>();
  const add = (where: SentParam["in"], name: string, value: string) => {
    const clean = cleanName(name);
    const key = `${where}\u0000${clean}`;
    const kind = classifyValue(name, value, ctx);
    const prev = out.get(key);
    if (prev) {
      if (kind === "identifier" || kind === "email") prev.kind = kind;
      return;
    }
    if (out.size >= MAX_PARAMS) return;
    out.set(key, { in: where, name: clean, kind });
  };
  try {
    const u = new URL(input.url);
    for (const [name, value] of u.searchParams) add("query", name, value);
  } catch {
    // not a URL: nothing in the query
  }
  if (input.body) for (const [name, value] of bodyPairs(input.body, input.contentType)) add("body", name, value);
  return [...out.values()];
}
