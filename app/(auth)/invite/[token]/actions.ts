"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { acceptInvitation } from "@/lib/services/invitations/accept-invitation";
import { declineInvitation } from "@/lib/services/invitations/decline-invitation";
import { isServiceError } from "@/lib/services/errors";
import type { InvitationState } from "@/components/auth/invitation-actions";

export async function acceptInvitationAction(token: string): Promise<InvitationState> {
  const user = await requireUser(`/invite/${encodeURIComponent(token)}`);
  let slug: string;
  try {
    slug = (await acceptInvitation({ token: String(token), userId: user.id })).organization.slug;
  } catch (err) {
    if (isServiceError(err)) return { status: "error", message: err.message };
    throw err;
  }
  redirect(`/o/${slug}`);
}

export async function declineInvitationAction(token: string): Promise<InvitationState> {
  const user = await requireUser(`/invite/${encodeURIComponent(token)}`);
  try {
    await declineInvitation({ token: String(token), userId: user.id });
    return { status: "declined" };
  } catch (err) {
    if (isServiceError(err)) return { status: "error", message: err.message };
    throw err;
  }
}
