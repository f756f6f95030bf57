import { env } from "@/lib/env";
import type { ProviderId } from "@/lib/integrations/provider";

/** The operator's OAuth app for a provider (PLUMB_<PROVIDER>_OAUTH_CLIENT_ID/SECRET), or null. */
export function oauthClient(provider: ProviderId): { clientId: string; clientSecret: string } | null {
  const e = env();
  const pair =
    provider === "github" ? [e.PLUMB_GITHUB_OAUTH_CLIENT_ID, e.PLUMB_GITHUB_OAUTH_CLIENT_SECRET] : provider === "gitlab" ? [e.PLUMB_GITLAB_OAUTH_CLIENT_ID, e.PLUMB_GITLAB_OAUTH_CLIENT_SECRET] : [];
  return pair[0] && pair[1] ? { clientId: pair[0], clientSecret: pair[1] } : null;
}
