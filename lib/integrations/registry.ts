// Every provider Plumb can connect, by id. Adding a provider: write lib/integrations/providers/<id>/ (one
// object implementing TrackerProvider or DataProvider from ./provider), then add ONE line below, keeping the
// alphabetical order (several people add providers; one line each keeps merges trivial).
import type { AnyProvider, ProviderId } from "./provider";
import { cloudflareProvider } from "./providers/cloudflare/cloudflare-provider";
import { ga4Provider } from "./providers/ga4/ga4-provider";
import { githubProvider } from "./providers/github";
import { gitlabProvider } from "./providers/gitlab/gitlab-provider";
import { searchConsoleProvider } from "./providers/gsc/search-console-provider";
import { jiraProvider } from "./providers/jira/jira-provider";
import { linearProvider } from "./providers/linear/linear-provider";
import { sentryProvider } from "./providers/sentry/sentry-provider";

const providers: Partial<Record<ProviderId, AnyProvider>> = {
  cloudflare: cloudflareProvider as AnyProvider,
  ga4: ga4Provider as AnyProvider,
  github: githubProvider,
  gitlab: gitlabProvider as AnyProvider,
  gsc: searchConsoleProvider as AnyProvider,
  jira: jiraProvider as AnyProvider,
  linear: linearProvider as AnyProvider,
  sentry: sentryProvider as AnyProvider,
};

export function getProvider(id: ProviderId): AnyProvider | undefined {
  return providers[id];
}

/** Providers that are implemented, in a stable order for the settings page and the API list. */
export function listProviders(): AnyProvider[] {
  return Object.values(providers).filter((p): p is AnyProvider => p !== undefined).sort((a, b) => a.displayName.localeCompare(b.displayName));
}
