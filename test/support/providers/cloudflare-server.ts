// A local Cloudflare API v4 (`/client/v4/...`): token verify and token details, zone list (page pagination with
// `result_info`), zone settings read/edit, bot management — in Cloudflare's envelope
// `{ success, errors: [{ code, message }], messages, result }` with its error codes (1000 invalid token,
// 9109 / 10000 unauthorized, 1003 invalid setting, 971 rate limited).
import { randomBytes } from "node:crypto";
import { authOf, json, parseJson, startProviderHttpServer, type ProviderHttpServer, type ProviderReply } from "./provider-http";

export interface CloudflareTokenSpec {
  /** Permission group names, e.g. "Zone Read", "Zone Settings Read", "Zone Settings Write". */
  permissions: string[];
  /** Whether GET /user/tokens/{id} answers for this token ("API Tokens Read"). */
  canReadItself?: boolean;
  status?: "active" | "disabled" | "expired";
}

export interface CloudflareServer extends ProviderHttpServer {
  apiBaseUrl: string;
  zones: { id: string; name: string; settings: Record<string, unknown>; fightMode: boolean }[];
  addToken(token: string, spec: CloudflareTokenSpec): void;
  revoke(token: string): void;
  addZone(name: string, settings?: Record<string, unknown>): string;
}

const envelope = (result: unknown, extra: Record<string, unknown> = {}) => ({ success: true, errors: [], messages: [], result, ...extra });
const failure = (status: number, code: number, message: string, headers?: Record<string, string>): ProviderReply =>
  json(status, { success: false, errors: [{ code, message }], messages: [], result: null }, headers);

const DEFAULT_SETTINGS: Record<string, unknown> = {
  ssl: "flexible",
  security_header: { strict_transport_security: { enabled: false, max_age: 0, include_subdomains: false, preload: false, nosniff: false } },
  min_tls_version: "1.0",
  always_use_https: "off",
  automatic_https_rewrites: "on",
  waf: "off",
};

export async function startCloudflareServer(opts: { port?: number } = {}): Promise<CloudflareServer> {
  const tokens = new Map<string, CloudflareTokenSpec & { id: string }>();
  const revoked = new Set<string>();
  const zones: CloudflareServer["zones"] = [];
  const hex = () => randomBytes(16).toString("hex");

  const server = await startProviderHttpServer((req) => {
    const m = /^\/client\/v4(\/.*)$/.exec(req.path);
    if (!m) return failure(404, 7000, "No route for that URI");
    const rest = m[1];
    const bearer = authOf(req).bearer;
    const tok = bearer ? tokens.get(bearer) : undefined;
    if (!bearer || !tok || revoked.has(bearer)) return failure(401, 1000, "Invalid API Token");
    const has = (perm: string) => tok.permissions.includes(perm);

    if (req.method === "GET" && rest === "/user/tokens/verify") {
      return json(200, envelope({ id: tok.id, status: tok.status ?? "active" }, { messages: [{ code: 10000, message: "This API Token is valid and active", type: null }] }));
    }
    const self = /^\/user\/tokens\/([0-9a-f]{32})$/.exec(rest);
    if (req.method === "GET" && self) {
      if (self[1] !== tok.id || !tok.canReadItself) return failure(403, 9109, "Unauthorized to access requested resource");
      return json(200, envelope({
        id: tok.id,
        name: "Plumb",
        status: tok.status ?? "active",
        policies: [{ id: hex(), effect: "allow", resources: { "com.cloudflare.api.account.zone.*": "*" }, permission_groups: tok.permissions.map((name) => ({ id: hex(), name })) }],
      }));
    }
    if (tok.status && tok.status !== "active") return failure(401, 1000, "Invalid API Token");
    if (req.method === "GET" && rest === "/zones") {
      if (!has("Zone Read")) return failure(403, 9109, "Unauthorized to access requested resource");
      const name = req.query.get("name");
      const perPage = Math.min(50, Math.max(5, Number(req.query.get("per_page") ?? 20)));
      const pageNo = Math.max(1, Number(req.query.get("page") ?? 1));
      const all = zones.filter((z) => !name || z.name === name);
      const slice = all.slice((pageNo - 1) * perPage, pageNo * perPage);
      return json(200, envelope(
        slice.map((z) => ({ id: z.id, name: z.name, status: "active", paused: false, type: "full", name_servers: ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"], plan: { id: hex(), name: "Free Website" } })),
        { result_info: { page: pageNo, per_page: perPage, count: slice.length, total_count: all.length, total_pages: Math.max(1, Math.ceil(all.length / perPage)) } },
      ));
    }
    const zm = /^\/zones\/([0-9a-f]{32})(\/.*)$/.exec(rest);
    const zone = zm ? zones.find((z) => z.id === zm[1]) : undefined;
    if (zm && !zone) return failure(404, 1001, "Invalid zone identifier");
    if (zone && zm) {
      const sub = zm[2];
      const sm = /^\/settings\/([a-z_0-9]+)$/.exec(sub);
      if (sm) {
        const id = sm[1];
        if (!(id in zone.settings)) return failure(400, 1003, `Invalid or missing setting: ${id}`);
        if (req.method === "GET") {
          if (!has("Zone Settings Read") && !has("Zone Settings Write")) return failure(403, 9109, "Unauthorized to access requested resource");
          return json(200, envelope({ id, value: zone.settings[id], editable: true, modified_on: null }));
        }
        if (req.method === "PATCH") {
          if (!has("Zone Settings Write")) return failure(403, 10000, "Authentication error");
          const body = parseJson(req.body) as { value?: unknown } | undefined;
          const v = body?.value;
          const okOnOff = (x: unknown) => x === "on" || x === "off";
          const valid =
            id === "security_header"
              ? typeof v === "object" && v !== null && typeof (v as { strict_transport_security?: unknown }).strict_transport_security === "object"
              : id === "ssl"
                ? ["off", "flexible", "full", "strict"].includes(String(v))
                : id === "min_tls_version"
                  ? ["1.0", "1.1", "1.2", "1.3"].includes(String(v))
                  : okOnOff(v);
          if (!valid) return failure(400, 1007, `Invalid value for zone setting ${id}`);
          zone.settings[id] = id === "security_header" ? { strict_transport_security: { ...(zone.settings[id] as { strict_transport_security: object }).strict_transport_security, ...(v as { strict_transport_security: object }).strict_transport_security } } : v;
          return json(200, envelope({ id, value: zone.settings[id], editable: true, modified_on: new Date().toISOString() }));
        }
      }
      if (sub === "/bot_management" && req.method === "GET") {
        if (!has("Bot Management Read")) return failure(403, 9109, "Unauthorized to access requested resource");
        return json(200, envelope({ fight_mode: zone.fightMode, enable_js: true, using_latest_model: true }));
      }
    }
    return failure(404, 7000, "No route for that URI");
  }, opts);

  return {
    ...server,
    apiBaseUrl: `${server.origin}/client/v4`,
    zones,
    addToken: (token, spec) => void tokens.set(token, { ...spec, id: hex() }),
    revoke: (token) => void revoked.add(token),
    addZone(name, settings = {}) {
      const id = hex();
      zones.push({ id, name, settings: { ...structuredClone(DEFAULT_SETTINGS), ...settings }, fightMode: false });
      return id;
    },
  };
}
