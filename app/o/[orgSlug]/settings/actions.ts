"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { apiScopeSchema } from "@/lib/api/scopes";
import { scopesForRole } from "@/lib/http/session-caller";
import { issueApiKey } from "@/lib/services/api-keys/issue-api-key";
import { revokeApiKey } from "@/lib/services/api-keys/revoke-api-key";
import { changeMemberRole } from "@/lib/services/members/change-member-role";
import { inviteMember } from "@/lib/services/members/invite-member";
import { MEMBER_ROLES } from "@/lib/services/members/member-permissions";
import { removeMember } from "@/lib/services/members/remove-member";
import { renameOrganization } from "@/lib/services/organizations/rename-organization";
import { requireMembership } from "@/lib/auth/session";
import type { ActionResult } from "@/components/findings/action-result";
import { dashboardActor, serviceFailure } from "./dashboard-actor";

// Settings writes. Each one authorizes like the API (membership, then the scope of the matching API call)
// and leaves the business rules (who may grant what, the last owner) to the services.

const createKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name.").max(100, "The name is too long."),
  scopes: z.array(apiScopeSchema).min(1, "Choose at least one scope.").max(20),
});

export async function createApiKeyAction(
  orgSlug: string,
  input: unknown,
): Promise<ActionResult<{ rawKey: string; name: string; prefix: string }>> {
  const parsed = createKeyInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid key." };
  const auth = await dashboardActor(orgSlug, "keys:write");
  if (!auth.ok) return auth;
  try {
    const { apiKey, rawKey } = await issueApiKey(auth.actor, scopesForRole(auth.ctx.membership.role), parsed.data);
    revalidatePath(`/o/${orgSlug}/settings/api-keys`);
    return { ok: true, data: { rawKey, name: apiKey.name, prefix: apiKey.prefix } };
  } catch (err) {
    return serviceFailure(err);
  }
}

export async function revokeApiKeyAction(orgSlug: string, keyId: unknown): Promise<ActionResult> {
  const id = z.string().min(1).max(64).safeParse(keyId);
  if (!id.success) return { ok: false, error: "Unknown key." };
  const auth = await dashboardActor(orgSlug, "keys:write");
  if (!auth.ok) return auth;
  try {
    await revokeApiKey(auth.actor, id.data);
    revalidatePath(`/o/${orgSlug}/settings/api-keys`);
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}

// Member management has no API scope; the services check the actor's role themselves.
async function memberActor(orgSlug: string) {
  const ctx = await requireMembership(orgSlug);
  return { orgId: ctx.organization.id, userId: ctx.user.id, apiKeyId: null, requestId: null };
}

const inviteInput = z.object({ email: z.string().max(254), role: z.enum(MEMBER_ROLES) });

export async function inviteMemberAction(orgSlug: string, input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = inviteInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Enter an email address and choose a role." };
  const actor = await memberActor(orgSlug);
  try {
    const m = await inviteMember(actor, parsed.data);
    revalidatePath(`/o/${orgSlug}/settings/members`);
    return { ok: true, data: { email: m.invitedEmail ?? parsed.data.email } };
  } catch (err) {
    return serviceFailure(err);
  }
}

const roleInput = z.object({ membershipId: z.string().min(1).max(64), role: z.enum(MEMBER_ROLES) });

export async function changeMemberRoleAction(orgSlug: string, input: unknown): Promise<ActionResult> {
  const parsed = roleInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Choose a role." };
  const actor = await memberActor(orgSlug);
  try {
    await changeMemberRole(actor, parsed.data);
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}

export async function removeMemberAction(orgSlug: string, membershipId: unknown): Promise<ActionResult> {
  const id = z.string().min(1).max(64).safeParse(membershipId);
  if (!id.success) return { ok: false, error: "Unknown member." };
  const actor = await memberActor(orgSlug);
  try {
    await removeMember(actor, { membershipId: id.data });
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}

export async function renameOrganizationAction(orgSlug: string, name: unknown): Promise<ActionResult<{ name: string }>> {
  if (typeof name !== "string") return { ok: false, error: "Enter a name." };
  const actor = await memberActor(orgSlug);
  try {
    const org = await renameOrganization(actor, { name });
    // The shell shows the name too (switcher, header).
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, data: { name: org.name } };
  } catch (err) {
    return serviceFailure(err);
  }
}
