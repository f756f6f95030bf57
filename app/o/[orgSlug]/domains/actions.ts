"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { PILLARS } from "@/lib/scanner/types";
import { createDomain } from "@/lib/services/domains/create-domain";
import { updateDomain } from "@/lib/services/domains/update-domain";
import { verifyDomain } from "@/lib/services/verification/verify-domain";
import { authorizeDashboard } from "../access";
import { failure, forbidden, type ActionFailure } from "./writer";

export type AddDomainState = { ok: true } | ActionFailure | null;

const addDomainForm = z.object({
  address: z.string().trim().min(1, "Enter a domain such as example.com or a URL.").max(2048),
});

/** The add-domain form: a hostname or a URL (its origin is kept), then on to the verification page. */
export async function addDomainAction(orgSlug: string, _prev: AddDomainState, form: FormData): Promise<AddDomainState> {
  const writer = await authorizeDashboard(orgSlug, "domains:write");
  if (!writer.ok) return forbidden(writer);
  const parsed = addDomainForm.safeParse({ address: form.get("address") ?? "" });
  if (!parsed.success) return { ok: false, code: "invalid_params", message: parsed.error.issues[0]?.message ?? "Invalid address." };
  const address = parsed.data.address;
  // "example.com/blog" is a full address without its scheme: https, and its origin is kept like any URL's.
  const input = /^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? { url: address } : /^[^\s/?#]+[/?#]/.test(address) ? { url: `https://${address}` } : { hostname: address };
  let domainId: string;
  try {
    domainId = (await createDomain(writer.actor, input)).id;
  } catch (err) {
    const f = failure(err);
    // The normaliser prefixes its message with the field name, which the user never typed.
    return { ...f, message: f.message.replace(/^(hostname|url): /, "") };
  }
  revalidatePath(`/o/${orgSlug}`, "layout");
  redirect(`/o/${orgSlug}/domains/${domainId}/verify`);
}

export type VerifyState = { ok: true; verified: boolean; method?: string; reason?: string } | ActionFailure | null;

/** "Verify now": tries the three methods; on success goes to the domain page, else reports every method's reason. */
export async function verifyDomainAction(orgSlug: string, domainId: string, _prev: VerifyState): Promise<VerifyState> {
  const writer = await authorizeDashboard(orgSlug, "domains:write");
  if (!writer.ok) return forbidden(writer);
  let outcome: Awaited<ReturnType<typeof verifyDomain>>["outcome"];
  try {
    outcome = (await verifyDomain(writer.actor, domainId)).outcome;
  } catch (err) {
    return failure(err);
  }
  if (!outcome.verified) return { ok: true, verified: false, method: outcome.method, reason: outcome.reason };
  revalidatePath(`/o/${orgSlug}`, "layout");
  // Straight on to the domain page, its "Launch first scan" button in focus (the query says why).
  redirect(`/o/${orgSlug}/domains/${domainId}?verified=${outcome.method ?? "1"}`);
}

export type SettingsState = { ok: true } | ActionFailure | null;

const settingsForm = z.object({
  schedule: z.enum(["off", "daily", "weekly", "monthly"]),
  schedulePillars: z.array(z.enum(PILLARS)),
  directoryEnabled: z.boolean(),
  directoryShowFindings: z.boolean(),
  pageCount: z.coerce.number().int("The page count is a whole number.").min(1, "At least 1 page.").max(100, "At most 100 pages."),
  organizationName: z.string().trim().max(200, "At most 200 characters."),
  description: z.string().trim().max(1000, "At most 1,000 characters."),
});

export async function updateDomainSettingsAction(
  orgSlug: string,
  domainId: string,
  _prev: SettingsState,
  form: FormData,
): Promise<SettingsState> {
  const writer = await authorizeDashboard(orgSlug, "domains:write");
  if (!writer.ok) return forbidden(writer);
  const parsed = settingsForm.safeParse({
    schedule: form.get("schedule"),
    schedulePillars: form.getAll("schedulePillars"),
    directoryEnabled: form.get("directoryEnabled") === "on",
    directoryShowFindings: form.get("directoryShowFindings") === "on",
    pageCount: form.get("pageCount") ?? "10",
    organizationName: form.get("organizationName") ?? "",
    description: form.get("description") ?? "",
  });
  if (!parsed.success) return { ok: false, code: "invalid_params", message: parsed.error.issues[0]?.message ?? "Invalid settings." };
  if (parsed.data.schedule !== "off" && parsed.data.schedulePillars.length === 0) {
    return { ok: false, code: "invalid_params", message: "Pick at least one pillar for scheduled scans." };
  }
  try {
    await updateDomain(writer.actor, domainId, parsed.data);
  } catch (err) {
    return failure(err);
  }
  revalidatePath(`/o/${orgSlug}`, "layout");
  return { ok: true };
}
