// The Policies and Alerts settings pages call the REST API with the session cookie, as any client would;
// X-Plumb-Org names the organization (a user may belong to several).
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string; status: number };

export async function apiCall<T>(orgSlug: string, method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers: { "x-plumb-org": orgSlug, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, error: "The network request failed. Try again.", status: 0 };
  }
  const json = (await res.json().catch(() => null)) as { data?: T; error?: { message?: string; issues?: { path: (string | number)[]; message: string }[] } } | null;
  if (!res.ok || !json || json.error) {
    const issue = json?.error?.issues?.[0];
    const msg = issue ? `${issue.path.filter((p) => p !== "body").join(".")}: ${issue.message}` : (json?.error?.message ?? `The request failed (${res.status}).`);
    return { ok: false, error: msg, status: res.status };
  }
  return { ok: true, data: json.data as T };
}
