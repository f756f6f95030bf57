// Builds what a provider method needs from an Integration row: the provider, the decrypted credential, the
// parsed config and the guarded fetch. The only place a credential is decrypted for use.
import type { Integration } from "@/generated/prisma/client";
import { openCredential } from "@/lib/integrations/credentials";
import { outboundFetch, RateLimitGate } from "@/lib/integrations/outbound-fetch";
import { ProviderError, type AnyProvider, type ProviderCallStats, type ProviderContext } from "@/lib/integrations/provider";
import { getProvider } from "@/lib/integrations/registry";
import { ServiceError } from "../errors";

// One gate per integration and process: concurrent steps of one integration share the provider's limit.
const gates = new Map<string, RateLimitGate>();
function gateFor(id: string): RateLimitGate {
  let g = gates.get(id);
  if (!g) {
    g = new RateLimitGate();
    gates.set(id, g);
  }
  return g;
}

export function providerOf(id: string): AnyProvider {
  const p = getProvider(id as Parameters<typeof getProvider>[0]);
  if (!p) throw new ServiceError("not_found", `Unknown integration provider: ${id}.`);
  return p;
}

export function newStats(): ProviderCallStats {
  return { calls: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 };
}

export function integrationContext(row: Integration, stats: ProviderCallStats = newStats()): { provider: AnyProvider; ctx: ProviderContext<unknown> } {
  const provider = providerOf(row.provider);
  const credential = openCredential(row);
  if (!credential) throw new ProviderError("unauthorized", `${provider.displayName} is not connected.`);
  const config = provider.configSchema.parse(row.config ?? {});
  return {
    provider,
    ctx: {
      apiBaseUrl: row.baseUrl ?? provider.defaultApiBaseUrl,
      credential,
      config,
      fetch: outboundFetch({ stats, limiter: gateFor(row.id) }),
      stats,
    },
  };
}
