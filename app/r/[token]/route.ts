// Public share pages: /r/<token>. A route handler, not a page, so an expired or revoked link can answer
// 410 and an unknown one 404 with a real status. GET shows the report (or the password form); POST checks
// the password (rate limited per link and client address) and sets a signed cookie for this link only.
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { ApiError } from "@/lib/http/errors";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { isServiceError } from "@/lib/services/errors";
import { resolveBranding } from "@/lib/services/branding/resolve-branding";
import { checkSharePassword } from "@/lib/services/share-links/check-share-password";
import { loadSharedReport } from "@/lib/services/share-links/load-shared-report";
import { openShareLink } from "@/lib/services/share-links/open-share-link";
import { recordShareView } from "@/lib/services/share-links/record-share-view";
import { SHARE_UNLOCK_SECONDS, signShareUnlock, verifyShareUnlock } from "@/lib/services/share-links/share-token";
import { sharedReportHtml, shareMessageHtml, sharePasswordHtml } from "@/components/share/share-documents";
import type { ShareLink } from "@/generated/prisma/client";

export const dynamic = "force-dynamic";

const PASSWORD_ATTEMPTS = 10;
const PASSWORD_WINDOW_SECONDS = 15 * 60;

interface Ctx {
  params: Promise<{ token: string }>;
}

function page(body: string, status: number, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "X-Robots-Tag": "noindex, nofollow, noarchive",
      "Cache-Control": "private, no-store",
      // The token is in the URL: never send it to the scanned site's links.
      "Referrer-Policy": "no-referrer",
      ...extra,
    },
  });
}

function cookieName(link: ShareLink): string {
  return `plumb_share_${link.id}`;
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

/** The link, or the 404/410 page to answer instead. */
async function linkOrPage(token: string): Promise<ShareLink | Response> {
  try {
    return await openShareLink({ token });
  } catch (err) {
    if (isServiceError(err) && err.code === "not_found") {
      return page(shareMessageHtml({ title: "Link not found", message: "There is no shared report at this address. Check the link you were given." }), 404);
    }
    if (isServiceError(err) && err.code === "gone") {
      return page(shareMessageHtml({ title: "This link is no longer available", message: `${err.message} Ask the person who shared it for a new one.` }), 410);
    }
    throw err;
  }
}

async function passwordForm(link: ShareLink, token: string, status: number, error: string | null, extra: Record<string, string> = {}): Promise<Response> {
  const branding = await resolveBranding({ orgId: link.organizationId, domainId: link.domainId });
  return page(sharePasswordHtml({ action: `/r/${token}`, error, brandName: branding?.name, brandAccent: branding?.accent }), status, extra);
}

export async function GET(req: Request, ctx: Ctx): Promise<Response> {
  const { token } = await ctx.params;
  const found = await linkOrPage(token);
  if (found instanceof Response) return found;
  const link = found;
  if (link.passwordHash && !verifyShareUnlock(readCookie(req, cookieName(link)), link.id, link.passwordHash)) {
    return passwordForm(link, token, 200, null);
  }
  let shared;
  try {
    shared = await loadSharedReport({ link });
  } catch (err) {
    // The saved report behind the link was deleted: the link is gone too.
    if (isServiceError(err) && err.code === "gone") {
      return page(shareMessageHtml({ title: "This link is no longer available", message: `${err.message} Ask the person who shared it for a new one.` }), 410);
    }
    throw err;
  }
  await recordShareView({ linkId: link.id });
  return page(sharedReportHtml(shared), 200);
}

export async function POST(req: Request, ctx: Ctx): Promise<Response> {
  const { token } = await ctx.params;
  const found = await linkOrPage(token);
  if (found instanceof Response) return found;
  const link = found;
  if (!link.passwordHash) return new Response(null, { status: 303, headers: { Location: `/r/${token}` } });
  try {
    await hitRateLimit(await getPrisma(), `share-password:${link.id}:${clientIp(req)}`, PASSWORD_ATTEMPTS, PASSWORD_WINDOW_SECONDS);
  } catch (err) {
    if (err instanceof ApiError && err.code === "rate_limited") {
      return passwordForm(link, token, 429, "Too many attempts. Wait a few minutes and try again.", err.headers);
    }
    throw err;
  }
  let password = "";
  try {
    const form = await req.formData();
    const value = form.get("password");
    password = typeof value === "string" ? value : "";
  } catch {
    password = "";
  }
  if (!(await checkSharePassword({ link, password }))) return passwordForm(link, token, 403, "That password is not right.");
  const secure = (env().NEXTAUTH_URL ?? "").startsWith("https://") ? "; Secure" : "";
  const cookie = `${cookieName(link)}=${signShareUnlock(link.id, link.passwordHash)}; Path=/r/${token}; Max-Age=${SHARE_UNLOCK_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
  return new Response(null, { status: 303, headers: { Location: `/r/${token}`, "Set-Cookie": cookie, "Cache-Control": "no-store" } });
}
