"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { scanAuthSchema } from "@/lib/services/scan-settings/scan-auth";
import { setScanAuth } from "@/lib/services/scan-settings/set-scan-auth";
import { updateCrawlSettings } from "@/lib/services/scan-settings/update-crawl-settings";
import { authorizeDashboard } from "../access";
import { failure, forbidden, type ActionFailure } from "./writer";

export type CrawlSettingsState = { ok: true } | ActionFailure | null;
export type ScanAuthState = { ok: true; cleared: boolean } | ActionFailure | null;

const lines = (v: FormDataEntryValue | null) =>
  String(v ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const crawlForm = z.object({
  respectRobots: z.boolean(),
  consent: z.boolean(),
  include: z.array(z.string()).max(20, "At most 20 include patterns."),
  exclude: z.array(z.string()).max(20, "At most 20 exclude patterns."),
  maxDepth: z.union([z.literal(""), z.coerce.number().int("Depth is a whole number.").min(0, "Depth 0 or more.").max(100, "Depth at most 100.")]),
});

export async function updateCrawlSettingsAction(orgSlug: string, domainId: string, _prev: CrawlSettingsState, form: FormData): Promise<CrawlSettingsState> {
  const writer = await authorizeDashboard(orgSlug, "domains:write");
  if (!writer.ok) return forbidden(writer);
  const parsed = crawlForm.safeParse({
    respectRobots: form.get("respectRobots") === "on",
    consent: form.get("consent") === "on",
    include: lines(form.get("include")),
    exclude: lines(form.get("exclude")),
    maxDepth: String(form.get("maxDepth") ?? "").trim(),
  });
  if (!parsed.success) return { ok: false, code: "invalid_params", message: parsed.error.issues[0]?.message ?? "Invalid settings." };
  try {
    await updateCrawlSettings({
      actor: writer.actor,
      domainId,
      settings: { ...parsed.data, maxDepth: parsed.data.maxDepth === "" ? null : parsed.data.maxDepth },
    });
  } catch (err) {
    return failure(err);
  }
  revalidatePath(`/o/${orgSlug}/domains/${domainId}/settings`);
  return { ok: true };
}

/** "Name: value" per line. */
function headerLines(v: FormDataEntryValue | null) {
  return lines(v).map((l) => {
    const i = l.indexOf(":");
    return i < 0 ? { name: l, value: "" } : { name: l.slice(0, i).trim(), value: l.slice(i + 1).trim() };
  });
}

/** "name=value" per line. */
function cookieLines(v: FormDataEntryValue | null) {
  return lines(v).map((l) => {
    const i = l.indexOf("=");
    return i < 0 ? { name: l, value: "" } : { name: l.slice(0, i).trim(), value: l.slice(i + 1).trim() };
  });
}

const opt = (v: FormDataEntryValue | null) => {
  const s = String(v ?? "").trim();
  return s === "" ? undefined : s;
};

/** Replaces the sign-in (write-only: the form never shows stored values). "Remove" clears it. */
export async function setScanAuthAction(orgSlug: string, domainId: string, _prev: ScanAuthState, form: FormData): Promise<ScanAuthState> {
  const writer = await authorizeDashboard(orgSlug, "domains:write");
  if (!writer.ok) return forbidden(writer);
  const clear = form.get("intent") === "clear";
  const loginUrl = opt(form.get("loginUrl"));
  const raw = clear
    ? { headers: [], cookies: [], login: null }
    : {
        headers: headerLines(form.get("headers")),
        cookies: cookieLines(form.get("cookies")),
        login: loginUrl
          ? {
              url: loginUrl,
              username: String(form.get("username") ?? ""),
              password: String(form.get("password") ?? ""),
              username_selector: String(form.get("usernameSelector") ?? ""),
              password_selector: String(form.get("passwordSelector") ?? ""),
              submit_selector: opt(form.get("submitSelector")),
              success_selector: opt(form.get("successSelector")),
              success_url: opt(form.get("successUrl")),
            }
          : null,
      };
  const parsed = scanAuthSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: "invalid_params", message: issue ? `${issue.path.join(".") || "sign-in"}: ${issue.message}` : "Invalid sign-in." };
  }
  try {
    await setScanAuth({ actor: writer.actor, domainId, auth: parsed.data });
  } catch (err) {
    return failure(err);
  }
  revalidatePath(`/o/${orgSlug}/domains/${domainId}/settings`);
  return { ok: true, cleared: clear };
}
