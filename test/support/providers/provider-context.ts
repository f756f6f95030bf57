// A ProviderContext for provider tests that run without the database: the framework's outbound fetch
// (lib/integrations/outbound-fetch.ts: SSRF guard, Retry-After waits, counted calls), so the SDKs reach the local
// provider servers only because the test lists them in PLUMB_PRIVATE_TARGET_ALLOWLIST.
import { outboundFetch } from "@/lib/integrations/outbound-fetch";
import type { Credential, ProviderContext } from "@/lib/integrations/provider";

export function testProviderContext<Config>(opts: { apiBaseUrl: string; credential: Credential; config: Config }): ProviderContext<Config> {
  const stats = { calls: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 };
  return { ...opts, fetch: outboundFetch({ stats }), stats };
}
