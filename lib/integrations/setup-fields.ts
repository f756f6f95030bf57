// What Settings → Integrations asks for per provider: the one config field naming where things go (GitHub's
// repository, GitLab's project, Jira's project key, …), the self-hosted base URL example and where the webhook
// is configured upstream. Plain data, so the client card can import it without a provider's SDK.
import type { ProviderId } from "./provider";

export interface TargetField {
  /** The key in the provider's config schema. */
  key: string;
  label: string;
  hint: string;
}

export interface SetupFields {
  target: TargetField | null;
  /** Example of a self-hosted API base URL; null when the provider has no self-hosted edition. */
  baseUrlExample: string | null;
  /** Where the webhook goes upstream; null when the provider sends none Plumb uses. */
  webhookHowTo: string | null;
  /** The name of the webhook secret field upstream. */
  webhookSecretLabel: string;
}

const SETUP: Record<ProviderId, SetupFields> = {
  github: {
    target: { key: "repository", label: "Repository", hint: "owner/name: where issues are filed" },
    baseUrlExample: "GitHub Enterprise: https://host/api/v3",
    webhookHowTo: "In the repository: Settings → Webhooks → Add webhook, content type application/json, events: Issues.",
    webhookSecretLabel: "Secret",
  },
  gitlab: {
    target: { key: "project", label: "Project", hint: "group/project, the full path: where issues are filed" },
    baseUrlExample: "self-managed: https://host/api/v4",
    webhookHowTo: "In the project: Settings → Webhooks → Add new webhook, trigger: Issues events.",
    webhookSecretLabel: "Secret token",
  },
  jira: {
    target: { key: "projectKey", label: "Project key", hint: "e.g. WEB" },
    baseUrlExample: "Jira Cloud: https://your-site.atlassian.net; Data Center: https://host",
    webhookHowTo: "In Jira: Settings → System → WebHooks → Create a WebHook, events: Issue updated.",
    webhookSecretLabel: "Secret",
  },
  linear: {
    target: { key: "teamId", label: "Team", hint: "the team's key (WEB) or id" },
    baseUrlExample: null,
    webhookHowTo: "In Linear: Settings → API → Webhooks → New webhook, resource type: Issues.",
    webhookSecretLabel: "Signing secret",
  },
  sentry: {
    target: { key: "project", label: "Project", hint: "organization-slug/project-slug" },
    baseUrlExample: "self-hosted: https://host/api/0",
    webhookHowTo: null,
    webhookSecretLabel: "Secret",
  },
  cloudflare: { target: null, baseUrlExample: null, webhookHowTo: null, webhookSecretLabel: "Secret" },
  ga4: { target: { key: "propertyId", label: "GA4 property id", hint: "digits: Admin → Property details" }, baseUrlExample: null, webhookHowTo: null, webhookSecretLabel: "Secret" },
  gsc: { target: { key: "siteUrl", label: "Search Console property", hint: "sc-domain:example.com or https://example.com/" }, baseUrlExample: null, webhookHowTo: null, webhookSecretLabel: "Secret" },
};

export function setupFields(provider: ProviderId): SetupFields {
  return SETUP[provider];
}
