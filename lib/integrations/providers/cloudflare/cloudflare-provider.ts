// Cloudflare as a data provider: the token is checked with the token-verify endpoint; the zone of each verified
// domain is found by name; its security settings are shown next to the domain's security findings.
import { z } from "zod";
import { tokenCredentialSchema, type DataProvider } from "@/lib/integrations/provider";
import { callCloudflare, cloudflareClient } from "./cloudflare-client";

export const cloudflareConfigSchema = z.object({}).strict().default({});
export type CloudflareConfig = z.infer<typeof cloudflareConfigSchema>;

export const cloudflareProvider: DataProvider<CloudflareConfig> = {
  id: "cloudflare",
  displayName: "Cloudflare",
  kind: "cdn",
  defaultApiBaseUrl: "https://api.cloudflare.com/client/v4",
  tokenCredential: tokenCredentialSchema,
  requiredScopes: ["Zone → Zone → Read", "Zone → Zone Settings → Read", "Zone → Bot Management → Read (optional)", "Zone → Zone Settings → Edit (only for one-click HSTS / Always Use HTTPS)"],
  configSchema: cloudflareConfigSchema,
  async testConnection(ctx) {
    const cf = cloudflareClient(ctx);
    const v = await callCloudflare(() => cf.user.tokens.verify());
    const zones = await callCloudflare(() => cf.zones.list({ per_page: 50 }));
    const names = zones.result.map((zz) => zz.name);
    return { account: `token ${v.id.slice(0, 8)}… (${v.status})`, target: names.length ? `${names.length} zone${names.length === 1 ? "" : "s"}: ${names.slice(0, 5).join(", ")}` : "no zones visible to this token" };
  },
};
