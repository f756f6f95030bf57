// A local Google: the OAuth 2.0 endpoints (authorize with PKCE, token: authorization_code, refresh_token and the
// service-account JWT bearer grant), the GA4 Data API `runReport` (REST, limit/offset paging) and the Search
// Console API (`webmasters/v3` sites.get and searchAnalytics.query, rowLimit/startRow paging), with Google's
// JSON errors `{ error: { code, message, status } }`.
import { createHash, createVerify, generateKeyPairSync, randomBytes } from "node:crypto";
import { authOf, json, parseJson, startProviderHttpServer, type ProviderHttpServer, type ProviderReply } from "./provider-http";

export interface GoogleServer extends ProviderHttpServer {
  /** GA4 rows per property: hostName, pagePath, views. */
  ga4: Map<string, { host: string; path: string; views: number }[]>;
  /** Search Console rows per property (siteUrl): page URL, impressions, clicks. */
  gsc: Map<string, { url: string; impressions: number; clicks: number }[]>;
  clientId: string;
  clientSecret: string;
  /** Issues an access token directly (as if a sign-in had happened). */
  issueAccessToken(): string;
  revoke(token: string): void;
  /** A service-account JSON key whose public half this server knows (token_uri points here). */
  serviceAccountKey(email?: string): string;
  runReportBodies: unknown[];
}

const gErr = (code: number, status: string, message: string, headers?: Record<string, string>): ProviderReply => json(code, { error: { code, message, status } }, headers);

export async function startGoogleServer(): Promise<GoogleServer> {
  const access = new Set<string>();
  const refresh = new Map<string, string>(); // refresh token -> scope
  const codes = new Map<string, { challenge: string; redirectUri: string; scope: string }>();
  const revoked = new Set<string>();
  const publicKeys = new Map<string, string>(); // service account e-mail -> PEM
  const ga4 = new Map<string, { host: string; path: string; views: number }[]>();
  const gsc = new Map<string, { url: string; impressions: number; clicks: number }[]>();
  const runReportBodies: unknown[] = [];
  const clientId = "plumb-test.apps.googleusercontent.com";
  const clientSecret = "GOCSPX-test-secret";
  let origin = "";
  const token = () => `ya29.${randomBytes(24).toString("base64url")}`;
  const mint = () => {
    const t = token();
    access.add(t);
    return t;
  };

  const server = await startProviderHttpServer((req) => {
    if (req.method === "GET" && req.path === "/o/oauth2/v2/auth") {
      const q = req.query;
      if (q.get("client_id") !== clientId) return { status: 400, body: "Error 401: invalid_client", headers: { "content-type": "text/html" } };
      if (q.get("response_type") !== "code" || q.get("code_challenge_method") !== "S256" || !q.get("code_challenge")) return { status: 400, body: "Error 400: invalid_request", headers: { "content-type": "text/html" } };
      const code = `4/${randomBytes(16).toString("base64url")}`;
      codes.set(code, { challenge: q.get("code_challenge")!, redirectUri: q.get("redirect_uri") ?? "", scope: q.get("scope") ?? "" });
      const to = new URL(q.get("redirect_uri") ?? "");
      to.searchParams.set("code", code);
      if (q.get("state")) to.searchParams.set("state", q.get("state")!);
      to.searchParams.set("scope", q.get("scope") ?? "");
      return { status: 302, headers: { location: to.toString() } };
    }
    if (req.method === "POST" && req.path === "/token") {
      const f = new URLSearchParams(req.body);
      const grant = f.get("grant_type");
      const tokenError = (error: string, description: string) => json(400, { error, error_description: description });
      if (grant === "urn:ietf:params:oauth:grant-type:jwt-bearer") {
        const [h, c, s] = (f.get("assertion") ?? "").split(".");
        let claims: { iss?: string; aud?: string; exp?: number; scope?: string } = {};
        try {
          claims = JSON.parse(Buffer.from(c ?? "", "base64url").toString("utf8")) as typeof claims;
        } catch {
          return tokenError("invalid_grant", "Invalid JWT.");
        }
        const pem = claims.iss ? publicKeys.get(claims.iss) : undefined;
        const v = createVerify("RSA-SHA256");
        v.update(`${h}.${c}`);
        if (!pem || !s || !v.verify(pem, Buffer.from(s, "base64url"))) return tokenError("invalid_grant", "Invalid JWT Signature.");
        if (claims.aud !== `${origin}/token` || !claims.exp || claims.exp * 1000 < Date.now()) return tokenError("invalid_grant", "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.");
        return json(200, { access_token: mint(), expires_in: 3599, token_type: "Bearer" });
      }
      const basic = authOf(req).basic;
      const id = f.get("client_id") ?? basic?.user;
      const secret = f.get("client_secret") ?? basic?.password;
      if (id !== clientId || secret !== clientSecret) return json(401, { error: "invalid_client", error_description: "The OAuth client was not found." });
      if (grant === "authorization_code") {
        const code = codes.get(f.get("code") ?? "");
        codes.delete(f.get("code") ?? "");
        if (!code) return tokenError("invalid_grant", "Malformed auth code.");
        const verifier = f.get("code_verifier") ?? "";
        if (createHash("sha256").update(verifier).digest("base64url") !== code.challenge) return tokenError("invalid_grant", "Invalid code verifier.");
        if (f.get("redirect_uri") !== code.redirectUri) return tokenError("redirect_uri_mismatch", "Bad Request");
        const r = `1//${randomBytes(24).toString("base64url")}`;
        refresh.set(r, code.scope);
        return json(200, { access_token: mint(), expires_in: 3599, refresh_token: r, scope: code.scope, token_type: "Bearer" });
      }
      if (grant === "refresh_token") {
        const r = f.get("refresh_token") ?? "";
        if (!refresh.has(r) || revoked.has(r)) return tokenError("invalid_grant", "Token has been expired or revoked.");
        return json(200, { access_token: mint(), expires_in: 3599, scope: refresh.get(r), token_type: "Bearer" });
      }
      return tokenError("unsupported_grant_type", "Invalid grant_type.");
    }

    const bearer = authOf(req).bearer;
    if (!bearer || !access.has(bearer) || revoked.has(bearer)) {
      return gErr(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", { "www-authenticate": 'Bearer realm="https://accounts.google.com/"' });
    }
    const rr = /^\/v1beta\/properties\/([^/:]+):runReport$/.exec(req.path);
    if (rr && req.method === "POST") {
      const rows = ga4.get(rr[1]);
      if (!rows) return gErr(403, "PERMISSION_DENIED", `User does not have sufficient permissions for this property. To learn more about Property ID, see https://developers.google.com/analytics/devguides/reporting/data/v1/property-id.`);
      const body = parseJson(req.body) as { dimensions?: { name?: string }[]; metrics?: { name?: string }[]; limit?: string | number; offset?: string | number; dateRanges?: unknown[] } | undefined;
      runReportBodies.push(body);
      const dims = (body?.dimensions ?? []).map((d) => d.name);
      const mets = (body?.metrics ?? []).map((m) => m.name);
      if (!body?.dateRanges?.length) return gErr(400, "INVALID_ARGUMENT", "dateRanges: A date range is required.");
      if (dims.join() !== "hostName,pagePath" || mets.join() !== "screenPageViews") return gErr(400, "INVALID_ARGUMENT", `Field ${[...dims, ...mets].join(",")} is not a valid combination for this local server.`);
      const limit = Math.min(250_000, Number(body.limit ?? 10_000));
      const offset = Number(body.offset ?? 0);
      const sorted = [...rows].sort((a, b) => b.views - a.views);
      const page = sorted.slice(offset, offset + limit);
      return json(200, {
        dimensionHeaders: [{ name: "hostName" }, { name: "pagePath" }],
        metricHeaders: [{ name: "screenPageViews", type: "TYPE_INTEGER" }],
        ...(page.length ? { rows: page.map((r) => ({ dimensionValues: [{ value: r.host }, { value: r.path }], metricValues: [{ value: String(r.views) }] })) } : {}),
        rowCount: sorted.length,
        metadata: { currencyCode: "EUR", timeZone: "Europe/Paris" },
        kind: "analyticsData#runReport",
      });
    }
    const site = /^\/webmasters\/v3\/sites\/([^/]+)(\/searchAnalytics\/query)?$/.exec(req.path);
    if (site) {
      const siteUrl = decodeURIComponent(site[1]);
      const rows = gsc.get(siteUrl);
      if (!rows) return gErr(403, "PERMISSION_DENIED", `User does not have sufficient permission for site '${siteUrl}'. See also: https://support.google.com/webmasters/answer/2451999.`);
      if (!site[2] && req.method === "GET") return json(200, { siteUrl, permissionLevel: "siteFullUser" });
      if (site[2] && req.method === "POST") {
        const body = parseJson(req.body) as { startDate?: string; endDate?: string; dimensions?: string[]; rowLimit?: number; startRow?: number } | undefined;
        if (!body?.startDate || !body.endDate) return gErr(400, "INVALID_ARGUMENT", "Request contains an invalid argument.");
        const limit = Math.min(25_000, body.rowLimit ?? 1000);
        const start = body.startRow ?? 0;
        const sorted = [...rows].sort((a, b) => b.clicks - a.clicks || b.impressions - a.impressions);
        const page = sorted.slice(start, start + limit);
        return json(200, {
          ...(page.length ? { rows: page.map((r) => ({ keys: [r.url], clicks: r.clicks, impressions: r.impressions, ctr: r.impressions ? r.clicks / r.impressions : 0, position: 7.3 })) } : {}),
          responseAggregationType: "byPage",
        });
      }
    }
    return gErr(404, "NOT_FOUND", "Requested entity was not found.");
  });
  origin = server.origin;

  return {
    ...server,
    ga4,
    gsc,
    clientId,
    clientSecret,
    runReportBodies,
    issueAccessToken: mint,
    revoke: (t) => void revoked.add(t),
    serviceAccountKey(email = "plumb-reader@plumb-test.iam.gserviceaccount.com") {
      const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      publicKeys.set(email, publicKey.export({ type: "spki", format: "pem" }).toString());
      return JSON.stringify({
        type: "service_account",
        project_id: "plumb-test",
        private_key_id: randomBytes(20).toString("hex"),
        private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
        client_email: email,
        client_id: "1234567890",
        auth_uri: `${origin}/o/oauth2/auth`,
        token_uri: `${origin}/token`,
      });
    },
  };
}
