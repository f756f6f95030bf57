"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/components/findings/action-result";
import { providerIdSchema, type ProviderId } from "@/lib/integrations/provider";
import { getProvider } from "@/lib/integrations/registry";
import { setupFields } from "@/lib/integrations/setup-fields";
import { connectIntegration } from "@/lib/services/integrations/connect-integration";
import { disconnectIntegration } from "@/lib/services/integrations/disconnect-integration";
import { requestIntegrationSync } from "@/lib/services/integrations/request-integration-sync";
import { startIntegrationOAuth } from "@/lib/services/integrations/start-integration-oauth";
import { testIntegration } from "@/lib/services/integrations/test-integration";
import { updateIntegration } from "@/lib/services/integrations/update-integration";
import { authorizeDashboard } from "../../access";
import { serviceFailure } from "../dashboard-actor";

// Settings → Integrations writes: the same services and scope (integrations:write) as the API.

const connectInput = z.object({
  provider: providerIdSchema,
  token: z.string().trim().min(8, "Paste the token.").max(4096),
  baseUrl: z.string().trim().max(500).optional(),
  /** The provider's target (GitHub repository, GitLab project, Jira project key, …): see lib/integrations/setup-fields.ts. */
  target: z.string().trim().max(500).optional(),
});

/** `{ <the provider's target key>: value }`, or nothing when the provider has no target or none was given. */
function targetConfig(provider: ProviderId, value: string | undefined): Record<string, string> {
  const field = setupFields(provider).target;
  return field && value ? { [field.key]: value } : {};
}

export async function connectIntegrationAction(orgSlug: string, input: unknown): Promise<ActionResult<{ account: string }>> {
  const parsed = connectInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input." };
  const auth = await authorizeDashboard(orgSlug, "integrations:write");
  if (!auth.ok) return auth;
  try {
    const row = await connectIntegration(auth.actor, {
      provider: parsed.data.provider,
      credential: { type: "token", token: parsed.data.token },
      baseUrl: parsed.data.baseUrl || null,
      config: parsed.data.target ? targetConfig(parsed.data.provider, parsed.data.target) : undefined,
    });
    revalidatePath(`/o/${orgSlug}/settings/integrations`);
    return { ok: true, data: { account: row.externalAccount ?? "" } };
  } catch (err) {
    return serviceFailure(err);
  }
}

const mappingInput = z.object({
  provider: providerIdSchema,
  target: z.string().trim().max(500),
  labels: z.string().max(2000),
  byPillar: z.boolean(),
  bySeverity: z.boolean(),
  assignees: z.record(z.string().max(64), z.string().trim().max(200)),
});

export async function updateIntegrationMappingAction(orgSlug: string, input: unknown): Promise<ActionResult> {
  const parsed = mappingInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input." };
  const auth = await authorizeDashboard(orgSlug, "integrations:write");
  if (!auth.ok) return auth;
  const d = parsed.data;
  try {
    await updateIntegration(auth.actor, {
      provider: d.provider,
      config: {
        ...targetConfig(d.provider, d.target),
        // Labels and assignees exist for issue trackers only (the data providers' schemas refuse unknown keys).
        ...(getProvider(d.provider)?.kind === "tracker"
          ? {
              labels: { always: d.labels.split(",").map((l) => l.trim()).filter(Boolean), byPillar: d.byPillar, bySeverity: d.bySeverity },
              assignees: Object.fromEntries(Object.entries(d.assignees).filter(([, v]) => v !== "")),
            }
          : {}),
      },
    });
    revalidatePath(`/o/${orgSlug}/settings/integrations`);
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}

export async function testIntegrationAction(orgSlug: string, provider: unknown): Promise<ActionResult<{ ok: boolean; message: string }>> {
  const p = providerIdSchema.safeParse(provider);
  if (!p.success) return { ok: false, error: "Unknown provider." };
  const auth = await authorizeDashboard(orgSlug, "integrations:write");
  if (!auth.ok) return auth;
  try {
    const r = await testIntegration(auth.actor, { provider: p.data });
    revalidatePath(`/o/${orgSlug}/settings/integrations`);
    return { ok: true, data: { ok: r.ok, message: r.message } };
  } catch (err) {
    return serviceFailure(err);
  }
}

export async function disconnectIntegrationAction(orgSlug: string, provider: unknown): Promise<ActionResult> {
  const p = providerIdSchema.safeParse(provider);
  if (!p.success) return { ok: false, error: "Unknown provider." };
  const auth = await authorizeDashboard(orgSlug, "integrations:write");
  if (!auth.ok) return auth;
  try {
    await disconnectIntegration(auth.actor, { provider: p.data });
    revalidatePath(`/o/${orgSlug}/settings/integrations`);
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}

export async function startOAuthAction(orgSlug: string, provider: unknown): Promise<ActionResult<{ url: string }>> {
  const p = providerIdSchema.safeParse(provider);
  if (!p.success) return { ok: false, error: "Unknown provider." };
  const auth = await authorizeDashboard(orgSlug, "integrations:write");
  if (!auth.ok) return auth;
  try {
    const r = await startIntegrationOAuth(auth.actor, { provider: p.data, returnTo: `/o/${orgSlug}/settings/integrations` });
    return { ok: true, data: { url: r.authorizeUrl } };
  } catch (err) {
    return serviceFailure(err);
  }
}

const sendInput = z.object({ provider: providerIdSchema, findingIds: z.array(z.string().min(1).max(64)).min(1).max(1000) });

/** The findings table's "Send to GitHub…" bulk action. */
export async function sendFindingsAction(orgSlug: string, input: unknown): Promise<ActionResult<{ added: number }>> {
  const parsed = sendInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Choose at least one finding." };
  const auth = await authorizeDashboard(orgSlug, "integrations:write");
  if (!auth.ok) return auth;
  try {
    const r = await requestIntegrationSync(auth.actor, { provider: parsed.data.provider, findingIds: parsed.data.findingIds });
    return { ok: true, data: { added: r.added } };
  } catch (err) {
    return serviceFailure(err);
  }
}
