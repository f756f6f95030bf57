import { createHmac, timingSafeEqual } from "node:crypto";
import { secrets } from "@/lib/env/secrets";
import { appUrl } from "../mail/app-url";

// A scheduled report too big to attach is mailed as a link anyone holding it can open until the export
// expires: recipients need not be members. The link is an HMAC (NEXTAUTH_SECRET) over the export id and the
// expiry, so nothing is stored and a changed id or expiry fails.

function mac(exportId: string, exp: number): string {
  return createHmac("sha256", secrets().nextauthSecret).update(`report-file\0${exportId}\0${exp}`).digest("base64url");
}

export function reportFilePath(exportId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `/api/v1/report-files/${encodeURIComponent(exportId)}?expires=${exp}&signature=${mac(exportId, exp)}`;
}

export function reportFileUrl(exportId: string, expiresAt: Date): string {
  return appUrl(reportFilePath(exportId, expiresAt));
}

/** Whether the signature matches (expiry is checked by the caller, which answers 410 past it). */
export function verifyReportFileSignature(exportId: string, exp: number, signature: string): boolean {
  const expected = Buffer.from(mac(exportId, exp));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
