// Reads a Cloudflare zone's security settings (SSL mode, HSTS, minimum TLS, Always Use HTTPS, WAF, bot fight
// mode) and applies the two one-click fixes Plumb offers (HSTS, Always Use HTTPS). Values come from a hostile
// network: each is parsed with zod and anything unexpected reads as "unknown", never as a crash.
import { getDomain } from "tldts-icann";
import { z } from "zod";
import { ProviderError, type ProviderContext } from "@/lib/integrations/provider";
import { callCloudflare, cloudflareClient } from "./cloudflare-client";

export interface ZoneSecurity {
  zoneId: string;
  zoneName: string;
  sslMode: string | null;
  hsts: { enabled: boolean; maxAge: number; includeSubdomains: boolean; preload: boolean; nosniff: boolean } | null;
  minTlsVersion: string | null;
  alwaysUseHttps: boolean | null;
  automaticHttpsRewrites: boolean | null;
  waf: boolean | null;
  botFightMode: boolean | null;
  /** Whether the token may edit zone settings: true/false from its own policies, null when it cannot read them. */
  canEditSettings: boolean | null;
}

const onOff = z.enum(["on", "off"]);
const hstsSchema = z.object({
  strict_transport_security: z.object({
    enabled: z.boolean().optional(),
    max_age: z.number().optional(),
    include_subdomains: z.boolean().optional(),
    preload: z.boolean().optional(),
    nosniff: z.boolean().optional(),
  }),
});
const policiesSchema = z.object({
  policies: z
    .array(
      z.object({
        effect: z.string().optional(),
        permission_groups: z.array(z.object({ id: z.string().optional(), name: z.string().optional() })).default([]),
        resources: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .default([]),
});

/** Cloudflare's "Zone Settings Write" permission group (the token form calls it Zone → Zone Settings → Edit). */
export const ZONE_SETTINGS_WRITE = "Zone Settings Write";

export function zoneCandidates(hostname: string): string[] {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  const registrable = getDomain(host) ?? host;
  return [...new Set([registrable, host])];
}

async function setting(cf: ReturnType<typeof cloudflareClient>, zoneId: string, id: string): Promise<unknown> {
  try {
    const r = (await cf.zones.settings.get(id, { zone_id: zoneId })) as { value?: unknown } | null;
    return r?.value;
  } catch (err) {
    // A setting the plan does not have (WAF on Free) answers 403/404: shown as unknown, not a failed read.
    if (err && typeof err === "object" && "status" in err && (err.status === 403 || err.status === 404)) return undefined;
    throw err;
  }
}

async function tokenCanEdit(cf: ReturnType<typeof cloudflareClient>, zoneId: string): Promise<boolean | null> {
  const verify = await cf.user.tokens.verify();
  if (verify.status !== "active") throw new ProviderError("unauthorized", `The Cloudflare token is ${verify.status}. Create a new token and reconnect.`);
  try {
    const token = policiesSchema.safeParse(await cf.user.tokens.get(verify.id));
    if (!token.success) return null;
    return token.data.policies.some(
      (p) =>
        p.effect !== "deny" &&
        p.permission_groups.some((g) => g.name === ZONE_SETTINGS_WRITE) &&
        Object.keys(p.resources).some((r) => r === `com.cloudflare.api.account.zone.${zoneId}` || r === "com.cloudflare.api.account.zone.*" || r.startsWith("com.cloudflare.api.account.")),
    );
  } catch {
    // Reading its own policies needs "API Tokens Read"; most tokens lack it. Then a one-click apply is offered
    // and a refusal (403) is reported in plain words.
    return null;
  }
}

export async function findZone(ctx: ProviderContext<unknown>, hostname: string): Promise<{ id: string; name: string } | null> {
  const cf = cloudflareClient(ctx);
  for (const name of zoneCandidates(hostname)) {
    const page = await callCloudflare(() => cf.zones.list({ name, per_page: 5 }));
    const zone = page.result.find((z) => z.name === name);
    if (zone) return { id: zone.id, name: zone.name };
  }
  return null;
}

export async function readZoneSecurity(ctx: ProviderContext<unknown>, hostname: string): Promise<ZoneSecurity | null> {
  const zone = await findZone(ctx, hostname);
  if (!zone) return null;
  const cf = cloudflareClient(ctx);
  return callCloudflare(async () => {
    const [ssl, hsts, minTls, https, rewrites, waf, canEdit] = await Promise.all([
      setting(cf, zone.id, "ssl"),
      setting(cf, zone.id, "security_header"),
      setting(cf, zone.id, "min_tls_version"),
      setting(cf, zone.id, "always_use_https"),
      setting(cf, zone.id, "automatic_https_rewrites"),
      setting(cf, zone.id, "waf"),
      tokenCanEdit(cf, zone.id),
    ]);
    let fight: boolean | null = null;
    try {
      const bm = z.object({ fight_mode: z.boolean().optional() }).safeParse(await cf.botManagement.get({ zone_id: zone.id }));
      fight = bm.success ? (bm.data.fight_mode ?? null) : null;
    } catch {
      fight = null;
    }
    const h = hstsSchema.safeParse(hsts);
    const str = (v: unknown) => (typeof v === "string" && v.length < 40 ? v : null);
    const flag = (v: unknown) => (onOff.safeParse(v).success ? v === "on" : null);
    return {
      zoneId: zone.id,
      zoneName: zone.name,
      sslMode: str(ssl),
      hsts: h.success
        ? {
            enabled: h.data.strict_transport_security.enabled ?? false,
            maxAge: h.data.strict_transport_security.max_age ?? 0,
            includeSubdomains: h.data.strict_transport_security.include_subdomains ?? false,
            preload: h.data.strict_transport_security.preload ?? false,
            nosniff: h.data.strict_transport_security.nosniff ?? false,
          }
        : null,
      minTlsVersion: str(minTls),
      alwaysUseHttps: flag(https),
      automaticHttpsRewrites: flag(rewrites),
      waf: flag(waf),
      botFightMode: fight,
      canEditSettings: canEdit,
    };
  });
}

export type CloudflareFix = "hsts" | "always_use_https";

/** HSTS as Plumb recommends it: one year, subdomains included, no preload (preloading is a separate decision). */
export const RECOMMENDED_HSTS = { enabled: true, max_age: 31_536_000, include_subdomains: true, preload: false, nosniff: true };

export async function applyZoneFix(ctx: ProviderContext<unknown>, zoneId: string, fix: CloudflareFix): Promise<void> {
  const cf = cloudflareClient(ctx);
  if (fix === "always_use_https") {
    await callCloudflare(() => cf.zones.settings.edit("always_use_https", { zone_id: zoneId, value: "on" } as never));
  } else {
    await callCloudflare(() => cf.zones.settings.edit("security_header", { zone_id: zoneId, value: { strict_transport_security: RECOMMENDED_HSTS } } as never));
  }
}
