"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKeyBody } from "@/lib/api/contract/api-keys";
import { updateMemberBody } from "@/lib/api/contract/members";
import { scopesForRole } from "@/lib/http/session-caller";
import { issueApiKey } from "@/lib/services/api-keys/issue-api-key";
import { revokeApiKey } from "@/lib/services/api-keys/revoke-api-key";
import { changeMemberRole } from "@/lib/services/members/change-member-role";
import { inviteMember } from "@/lib/services/members/invite-member";
import { MEMBER_ROLES } from "@/lib/services/members/member-permissions";
import { removeMember } from "@/lib/services/members/remove-member";
import { resendInvitation } from "@/lib/services/invitations/resend-invitation";
import { renameOrganization } from "@/lib/services/organizations/rename-organization";
import { setRequireTwoFactor } from "@/lib/services/organizations/set-require-two-factor";
import { requestOrganizationDeletion } from "@/lib/services/privacy/request-organization-deletion";
import { cancelOrganizationDeletion } from "@/lib/services/privacy/cancel-organization-deletion";
import type { ActionResult } from "@/components/findings/action-result";
import { requireMembership } from "@/lib/auth/session";
import { authorizeDashboard } from "../access";
import { parseWithContract, type FieldMessages } from "../contract-form";
import { serviceFailure } from "./dashboard-actor";

// Settings writes. Each one authorizes like the API (membership, then the scope of the matching API call)
// and leaves the business rules (who may grant what, the last owner) to the services.

// POST /api/v1/api-keys's body (createApiKeyBody) without the expiry, which the form does not offer.
const createKeyInput = createApiKeyBody.omit({ expires_at: true });
const CREATE_KEY_MESSAGES: FieldMessages = {
  name: { too_small: "Give the key a name.", too_big: "The name is too long.", default: "Give the key a name." },
  scopes: { too_small: "Choose at least one scope.", default: "Invalid key." },
};

export async function createApiKeyAction(
  orgSlug: string,
  input: unknown,
): Promise<ActionResult<{ rawKey: string; name: string; prefix: string }>> {
  const parsed = parseWithContract(createKeyInput, input, CREATE_KEY_MESSAGES, "Invalid key.");
  if (!parsed.ok) return parsed;
  const auth = await authorizeDashboard(orgSlug, "keys:write");
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
  const auth = await authorizeDashboard(orgSlug, "keys:write");
  if (!auth.ok) return auth;
  try {
    await revokeApiKey(auth.actor, { keyId: id.data, callerScopes: scopesForRole(auth.ctx.membership.role) });
    revalidatePath(`/o/${orgSlug}/settings/api-keys`);
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}

// Member management and the organization's own settings: any member reaches the service, which judges the
// actor's role itself (who may grant what, the last owner, owners-only changes).
async function memberActor(orgSlug: string) {
  const auth = await authorizeDashboard(orgSlug, { role: "viewer" });
  if (!auth.ok) throw new Error(auth.error); // every member is at least a viewer
  return auth.actor;
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

// PATCH /api/v1/members/{id}'s body (updateMemberBody) plus the member's id from the path.
const roleInput = updateMemberBody.extend({ membershipId: z.string().min(1).max(64) });

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

export async function resendInvitationAction(orgSlug: string, membershipId: unknown): Promise<ActionResult<{ email: string }>> {
  const id = z.string().min(1).max(64).safeParse(membershipId);
  if (!id.success) return { ok: false, error: "Unknown invitation." };
  const actor = await memberActor(orgSlug);
  try {
    const r = await resendInvitation(actor, { membershipId: id.data });
    revalidatePath(`/o/${orgSlug}/settings`, "layout");
    return { ok: true, data: r };
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

export async function setRequireTwoFactorAction(orgSlug: string, enabled: unknown): Promise<ActionResult<{ enabled: boolean }>> {
  if (typeof enabled !== "boolean") return { ok: false, error: "Choose on or off." };
  const actor = await memberActor(orgSlug);
  try {
    const org = await setRequireTwoFactor(actor, { enabled });
    revalidatePath(`/o/${orgSlug}/settings`);
    return { ok: true, data: { enabled: org.requireTwoFactor } };
  } catch (err) {
    return serviceFailure(err);
  }
}

// ---------- organization deletion (owners only; the services check the role) ----------

const deleteOrgInput = z.object({ confirmSlug: z.string().trim().max(100) });

export async function requestOrganizationDeletionAction(orgSlug: string, input: unknown): Promise<ActionResult<{ scheduledFor: string }>> {
  const parsed = deleteOrgInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Type the organization's URL name to confirm." };
  const ctx = await requireMembership(orgSlug);
  if (parsed.data.confirmSlug !== ctx.organization.slug) return { ok: false, error: "That is not this organization's URL name." };
  try {
    const { scheduledFor } = await requestOrganizationDeletion({ orgId: ctx.organization.id, userId: ctx.user.id });
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, data: { scheduledFor: scheduledFor.toISOString() } };
  } catch (err) {
    return serviceFailure(err);
  }
}

export async function cancelOrganizationDeletionAction(orgSlug: string): Promise<ActionResult<{ status: "canceled" | "not_pending" }>> {
  const ctx = await requireMembership(orgSlug);
  try {
    const result = await cancelOrganizationDeletion({ orgId: ctx.organization.id, userId: ctx.user.id });
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, data: result };
  } catch (err) {
    return serviceFailure(err);
  }
}
