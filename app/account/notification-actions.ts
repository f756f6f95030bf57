"use server";

import { z } from "zod";
import type { ActionResult } from "@/components/findings/action-result";
import { requireUser } from "@/lib/auth/session";
import { setNotificationSettings } from "@/lib/services/notifications/set-notification-settings";

/** The signed-in user's own setting: notifications by e-mail on or off. */
export async function setEmailNotificationsAction(enabled: unknown): Promise<ActionResult<{ email: boolean }>> {
  const parsed = z.boolean().safeParse(enabled);
  if (!parsed.success) return { ok: false, error: "Invalid setting." };
  const user = await requireUser();
  return { ok: true, data: await setNotificationSettings({ userId: user.id, email: parsed.data }) };
}
