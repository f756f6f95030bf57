// Google credentials for GA4 and Search Console, read-only scopes. Two forms:
// - OAuth (authorization code + PKCE, offline access): the framework stores and refreshes the tokens; the
//   access token is used as it is.
// - A service-account JSON key (pasted as the token): exchanged for an access token with the JWT bearer grant
//   (RFC 7523) at the key's own `token_uri`, through ctx.fetch like every other call.
// The SDKs get an OAuth2Client whose transporter fetches with ctx.fetch, so their requests are guarded too.
import { createSign } from "node:crypto";
import { OAuth2Client } from "google-auth-library";
import { z } from "zod";
import { ProviderError, type ProviderContext } from "@/lib/integrations/provider";
import { excerpt, providerErrorFromStatus, providerErrorInChain, providerNetworkError } from "@/lib/integrations/shared/http-failure";

export const GOOGLE_READONLY_SCOPES = ["https://www.googleapis.com/auth/analytics.readonly", "https://www.googleapis.com/auth/webmasters.readonly"] as const;

export const serviceAccountKeySchema = z.object({
  type: z.literal("service_account"),
  client_email: z.email().max(320),
  private_key: z.string().min(100).max(4000),
  private_key_id: z.string().max(100).optional(),
  token_uri: z.url().max(500).default("https://oauth2.googleapis.com/token"),
});
export type ServiceAccountKey = z.infer<typeof serviceAccountKeySchema>;

export function parseServiceAccountKey(token: string): ServiceAccountKey | null {
  try {
    const r = serviceAccountKeySchema.safeParse(JSON.parse(token));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Google's consent page is on accounts.google.com; a local server answers the OAuth pages itself. */
export function googleWebBaseUrl(apiBaseUrl: string): string {
  const u = new URL(apiBaseUrl);
  return u.hostname.endsWith(".googleapis.com") ? "https://accounts.google.com" : u.origin;
}

const b64url = (s: string | Buffer) => Buffer.from(s).toString("base64url");

export function serviceAccountAssertion(key: ServiceAccountKey, scopes: readonly string[], now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", ...(key.private_key_id ? { kid: key.private_key_id } : {}) }));
  const claims = b64url(JSON.stringify({ iss: key.client_email, scope: scopes.join(" "), aud: key.token_uri, iat, exp: iat + 3600 }));
  const signer = createSign("RSA-SHA256");
  signer.update(`${header}.${claims}`);
  return `${header}.${claims}.${b64url(signer.sign(key.private_key))}`;
}

const tokenResponseSchema = z.object({ access_token: z.string().min(1).max(8192), expires_in: z.number().optional(), token_type: z.string().optional() });
const tokens = new WeakMap<object, Promise<string>>();

async function exchangeServiceAccount(ctx: ProviderContext<unknown>, key: ServiceAccountKey): Promise<string> {
  let res: Response;
  try {
    res = await ctx.fetch(key.token_uri, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: serviceAccountAssertion(key, GOOGLE_READONLY_SCOPES) }).toString(),
    });
  } catch (err) {
    throw providerNetworkError("Google", err);
  }
  const text = await res.text();
  if (!res.ok) {
    let detail = excerpt(text);
    try {
      const e = JSON.parse(text) as { error?: unknown; error_description?: unknown };
      detail = excerpt(`${String(e.error ?? "")} ${String(e.error_description ?? "")}`);
    } catch {
      /* keep the excerpt */
    }
    // invalid_grant from the token endpoint: the key was deleted or disabled.
    throw providerErrorFromStatus("Google", res.status === 400 ? 401 : res.status, { retryAfter: res.headers.get("retry-after"), detail });
  }
  let parsed: z.infer<typeof tokenResponseSchema>;
  try {
    parsed = tokenResponseSchema.parse(JSON.parse(text));
  } catch {
    throw new ProviderError("invalid_response", "Google's token endpoint answered without an access token.");
  }
  return parsed.access_token;
}

/** An access token for this context (one exchange per context for service accounts). */
export function googleAccessToken(ctx: ProviderContext<unknown>): Promise<string> {
  const c = ctx.credential;
  if (c.type === "oauth") return Promise.resolve(c.accessToken);
  const key = parseServiceAccountKey(c.token);
  if (!key) return Promise.reject(new ProviderError("validation", "Paste the whole service-account JSON key (it starts with {\"type\": \"service_account\"…}), or connect with Google sign-in."));
  let p = tokens.get(ctx);
  if (!p) {
    p = exchangeServiceAccount(ctx, key);
    tokens.set(ctx, p);
    p.catch(() => tokens.delete(ctx));
  }
  return p;
}

export async function googleAuthClient(ctx: ProviderContext<unknown>): Promise<OAuth2Client> {
  const client = new OAuth2Client({ transporterOptions: { fetchImplementation: ctx.fetch } });
  client.setCredentials({ access_token: await googleAccessToken(ctx), token_type: "Bearer" });
  return client;
}

/** Google's JSON error (`{ error: { code, message, status } }`), as gax and gaxios surface it. */
export function toGoogleError(err: unknown, product: string): ProviderError {
  const inner = providerErrorInChain(err);
  if (inner) return inner;
  const e = err as { code?: unknown; status?: unknown; response?: { status?: number; headers?: unknown }; message?: unknown; details?: unknown };
  // gaxios: response.status; gax (REST fallback): `code` is the gRPC code and the HTTP status sits in the message.
  const grpcToHttp: Record<number, number> = { 3: 400, 5: 404, 7: 403, 8: 429, 13: 500, 14: 503, 16: 401 };
  const status = typeof e?.response?.status === "number" ? e.response.status : typeof e?.code === "number" ? (grpcToHttp[e.code] ?? (e.code >= 400 ? e.code : 0)) : 0;
  if (!status) return providerNetworkError(product, err);
  const h = e.response?.headers;
  const retryAfter = h instanceof Headers ? h.get("retry-after") : h && typeof h === "object" ? ((h as Record<string, unknown>)["retry-after"] as string | undefined) : undefined;
  return providerErrorFromStatus(product, status, { retryAfter, detail: typeof e.details === "string" ? e.details : typeof e.message === "string" ? e.message : undefined });
}
