"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { cancelAccountDeletion } from "@/lib/services/privacy/cancel-account-deletion";

const tokenSchema = z.string().min(1).max(200);

/** The button on the page the deletion mail links to; spends the single-use token. */
export async function cancelDeletionByTokenAction(token: unknown): Promise<void> {
  const parsed = tokenSchema.safeParse(token);
  const result = parsed.success ? await cancelAccountDeletion({ token: parsed.data }) : { status: "invalid" as const };
  redirect(`/cancel-deletion/done?status=${result.status}`);
}
