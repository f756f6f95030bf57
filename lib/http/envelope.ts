import type { ApiError } from "./errors";

// The one response shape of /api/v1 (the API contract, lib/api/contract and the OpenAPI document in lib/api/openapi.ts). Every JSON response goes through these two functions.

export interface SuccessMeta {
  request_id: string;
  next_cursor?: string | null;
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export function successBody(data: unknown, meta: SuccessMeta) {
  return { data, meta, error: null };
}

export function errorBody(err: ApiError, requestId: string) {
  return {
    data: null,
    meta: { request_id: requestId },
    error: {
      code: err.code,
      message: err.message,
      ...(err.issues ? { issues: err.issues } : {}),
      ...err.extra,
    },
  };
}

export function errorResponse(err: ApiError, requestId: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(err.status, errorBody(err, requestId), { ...headers, ...err.headers, "X-Request-Id": requestId });
}

/** An error envelope built without an ApiError (proxy.ts answers before any route code is loaded). */
export function plainErrorResponse(
  status: number,
  code: string,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  const body = { data: null, meta: { request_id: requestId }, error: { code, message } };
  return jsonResponse(status, body, { ...headers, "X-Request-Id": requestId });
}
