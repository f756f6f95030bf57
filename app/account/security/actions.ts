"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentSession, requireUser } from "@/lib/auth/session";
import { checkFreshFactor, startStepUp } from "@/lib/auth/fresh-factor";
import { isServiceError } from "@/lib/services/errors";
import { revokeAllSessions } from "@/lib/services/sessions/revoke-all-sessions";
import { revokeSession } from "@/lib/services/sessions/revoke-session";
import { confirmTotpEnrolment } from "@/lib/services/two-factor/confirm-totp-enrolment";
import { disableTotp } from "@/lib/services/two-factor/disable-totp";
import { deletePasskey } from "@/lib/services/two-factor/delete-passkey";
import { finishPasskeyRegistration } from "@/lib/services/two-factor/finish-passkey-registration";
import { startPasskeyRegistration } from "@/lib/services/two-factor/start-passkey-registration";
import { replaceRecoveryCodes } from "@/lib/services/two-factor/recovery-codes";
import { startTotpEnrolment } from "@/lib/services/two-factor/start-totp-enrolment";
import { totpQrCodeDataUrl } from "@/lib/services/two-factor/totp-qr-code";
import { getPrisma } from "@/lib/db";
import { requestAccountDeletion } from "@/lib/services/privacy/request-account-deletion";
import { cancelAccountDeletion } from "@/lib/services/privacy/cancel-account-deletion";
import type { ActionResult } from "@/components/findings/action-result";

// Account security: glue between the page's forms and lib/services/{sessions,two-factor}. Every action acts on
// the signed-in user only (ids come from the session, never from the form).

const PATH = "/account/security";

function failure(err: unknown): { ok: false; error: string } {
  if (isServiceError(err)) return { ok: false, error: err.message };
  throw err;
}

const id = z.string().min(1).max(64);

export async function revokeSessionAction(sessionId: unknown): Promise<ActionResult<{ signedOut: boolean }>> {
  const parsed = id.safeParse(sessionId);
  if (!parsed.success) return { ok: false, error: "Unknown session." };
  const current = await getCurrentSession();
  if (!current) return { ok: false, error: "Your session has ended. Sign in again." };
  try {
    await revokeSession({ userId: current.user.id, sessionId: parsed.data });
  } catch (err) {
    return failure(err);
  }
  revalidatePath(PATH);
  return { ok: true, data: { signedOut: parsed.data === current.sessionId } };
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhereAction(): Promise<ActionResult<{ count: number }>> {
  const current = await getCurrentSession();
  if (!current) return { ok: false, error: "Your session has ended. Sign in again." };
  const count = await revokeAllSessions({ userId: current.user.id });
  return { ok: true, data: { count } };
}

export async function startTotpAction(): Promise<ActionResult<{ secret: string; uri: string; qr: string }>> {
  const user = await requireUser(PATH);
  try {
    const enrolment = await startTotpEnrolment({ userId: user.id, email: user.email });
    return { ok: true, data: { ...enrolment, qr: await totpQrCodeDataUrl(enrolment.uri) } };
  } catch (err) {
    return failure(err);
  }
}

export async function confirmTotpAction(code: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const parsed = z.string().trim().min(6).max(12).safeParse(code);
  if (!parsed.success) return { ok: false, error: "Enter the 6-digit code from your app." };
  const user = await requireUser(PATH);
  try {
    const result = await confirmTotpEnrolment({ userId: user.id, code: parsed.data });
    revalidatePath(PATH);
    return { ok: true, data: result };
  } catch (err) {
    return failure(err);
  }
}

export async function disableTotpAction(proof: unknown): Promise<ActionResult> {
  const user = await requireUser(PATH);
  const check = await checkFreshFactor(user.id, proof);
  if (!check.ok) return check;
  await disableTotp({ userId: user.id });
  revalidatePath(PATH);
  return { ok: true, data: null };
}

export async function regenerateRecoveryCodesAction(proof: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const user = await requireUser(PATH);
  const check = await checkFreshFactor(user.id, proof);
  if (!check.ok) return check;
  const recoveryCodes = await replaceRecoveryCodes(await getPrisma(), { userId: user.id });
  revalidatePath(PATH);
  return { ok: true, data: { recoveryCodes } };
}

export async function stepUpOptionsAction(): Promise<ActionResult<Awaited<ReturnType<typeof startStepUp>>>> {
  const user = await requireUser(PATH);
  return { ok: true, data: await startStepUp(user.id) };
}

export async function startPasskeyAction(): Promise<ActionResult<Awaited<ReturnType<typeof startPasskeyRegistration>>>> {
  const user = await requireUser(PATH);
  return { ok: true, data: await startPasskeyRegistration({ userId: user.id, email: user.email, name: user.name }) };
}

export async function finishPasskeyAction(input: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const parsed = z
    .object({ token: z.string().min(16).max(200), response: z.string().min(2).max(65_536), name: z.string().trim().max(100) })
    .safeParse(input);
  if (!parsed.success) return { ok: false, error: "The passkey answer is malformed." };
  const user = await requireUser(PATH);
  try {
    const { recoveryCodes } = await finishPasskeyRegistration({
      userId: user.id,
      token: parsed.data.token,
      response: parsed.data.response,
      name: parsed.data.name || "Passkey",
    });
    revalidatePath(PATH);
    return { ok: true, data: { recoveryCodes } };
  } catch (err) {
    return failure(err);
  }
}

export async function removePasskeyAction(passkeyId: unknown, proof: unknown): Promise<ActionResult> {
  const parsed = id.safeParse(passkeyId);
  if (!parsed.success) return { ok: false, error: "Unknown passkey." };
  const user = await requireUser(PATH);
  const check = await checkFreshFactor(user.id, proof);
  if (!check.ok) return check;
  try {
    await deletePasskey({ userId: user.id, passkeyId: parsed.data });
  } catch (err) {
    return failure(err);
  }
  revalidatePath(PATH);
  return { ok: true, data: null };
}

// ---------- your data: account deletion ----------

const deleteAccountInput = z.object({ confirmEmail: z.string().trim().toLowerCase().max(254) });

/** Schedules the account's deletion; the typed e-mail must match the account's. Signs out everywhere. */
export async function requestAccountDeletionAction(input: unknown): Promise<ActionResult<{ scheduledFor: string }>> {
  const parsed = deleteAccountInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Type your e-mail address to confirm." };
  const user = await requireUser(PATH);
  if (parsed.data.confirmEmail !== user.email.toLowerCase()) return { ok: false, error: "That is not your account's e-mail address." };
  try {
    const { scheduledFor } = await requestAccountDeletion({ userId: user.id });
    return { ok: true, data: { scheduledFor: scheduledFor.toISOString() } };
  } catch (err) {
    return failure(err);
  }
}

export async function cancelAccountDeletionAction(): Promise<ActionResult<{ status: "canceled" | "invalid" }>> {
  const user = await requireUser(PATH);
  const result = await cancelAccountDeletion({ userId: user.id });
  revalidatePath(PATH);
  return { ok: true, data: result };
}
