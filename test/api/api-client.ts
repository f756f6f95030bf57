// Tiny HTTP client for API tests: JSON in, parsed envelope out.

export interface ApiResult<T = any> {
  status: number;
  headers: Headers;
  body: { data: T; meta: { request_id: string; next_cursor?: string | null }; error: null | { code: string; message: string; issues?: { path: (string | number)[]; message: string }[]; [k: string]: unknown } };
  text: string;
}

export function apiClient(baseUrl: string, token?: string, defaults: Record<string, string> = {}) {
  return async function call<T = any>(
    method: string,
    path: string,
    opts: { json?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { ...defaults, ...opts.headers };
    if (token) headers.Authorization ??= `Bearer ${token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.json !== undefined) body = JSON.stringify(opts.json);
    if (body !== undefined) headers["Content-Type"] ??= "application/json";
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: ApiResult<T>["body"];
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined as never;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
}

/** Asserts the error envelope shape and returns the error. */
export function expectError(r: ApiResult, status: number, code: string) {
  if (r.status !== status || r.body?.error?.code !== code) {
    throw new Error(`Expected ${status} ${code}, got ${r.status}: ${r.text.slice(0, 500)}`);
  }
  if (r.body.data !== null || typeof r.body.meta.request_id !== "string") throw new Error(`Not an error envelope: ${r.text}`);
  if (r.headers.get("x-request-id") !== r.body.meta.request_id) throw new Error("X-Request-Id does not match meta.request_id");
  if (/\bat .+:\d+:\d+/.test(r.text)) throw new Error(`Stack trace leaked: ${r.text}`);
  return r.body.error!;
}
