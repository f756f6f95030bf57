"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { createOrganization, createOrganizationInput } from "@/lib/services/organizations/create-organization";
import type { NewOrganizationState } from "@/components/auth/new-organization-form";

export async function createOrganizationAction(_prev: NewOrganizationState, formData: FormData): Promise<NewOrganizationState> {
  const user = await requireUser("/organizations/new");
  const raw = formData.get("name");
  const name = typeof raw === "string" ? raw : "";
  const parsed = createOrganizationInput.safeParse({ name });
  if (!parsed.success) return { status: "invalid", error: parsed.error.issues[0]?.message ?? "Check the name.", name };
  const { organization } = await createOrganization({ userId: user.id, ...parsed.data });
  redirect(`/o/${organization.slug}`);
}
