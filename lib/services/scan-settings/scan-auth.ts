// What a domain's signed-in scans use, as stored inside the encrypted blob (DomainScanSettings.authEncrypted),
// and the summary that may be shown: header and cookie names, the login page and selectors — never values
// or the password.
import { z } from "zod";
import {
  cookieNameSchema,
  cookieValueSchema,
  headerNameSchema,
  headerValueSchema,
  loginScriptSchema,
} from "@/lib/scanner/auth/login-script";

export const MAX_AUTH_HEADERS = 20;
export const MAX_AUTH_COOKIES = 50;

export const scanAuthSchema = z
  .object({
    headers: z.array(z.object({ name: headerNameSchema, value: headerValueSchema }).strict()).max(MAX_AUTH_HEADERS).default([]),
    cookies: z.array(z.object({ name: cookieNameSchema, value: cookieValueSchema }).strict()).max(MAX_AUTH_COOKIES).default([]),
    login: loginScriptSchema.nullable().default(null),
  })
  .strict();

export type ScanAuth = z.infer<typeof scanAuthSchema>;

export const scanAuthSummarySchema = z.object({
  header_names: z.array(z.string()),
  cookie_names: z.array(z.string()),
  login: z
    .object({
      url: z.string(),
      username_selector: z.string(),
      password_selector: z.string(),
      submit_selector: z.string().nullable(),
      success_selector: z.string().nullable(),
      success_url: z.string().nullable(),
    })
    .nullable(),
});

export type ScanAuthSummary = z.infer<typeof scanAuthSummarySchema>;

export function summarizeScanAuth(auth: ScanAuth): ScanAuthSummary {
  return {
    header_names: auth.headers.map((h) => h.name),
    cookie_names: auth.cookies.map((c) => c.name),
    login: auth.login
      ? {
          url: auth.login.url,
          username_selector: auth.login.username_selector,
          password_selector: auth.login.password_selector,
          submit_selector: auth.login.submit_selector ?? null,
          success_selector: auth.login.success_selector ?? null,
          success_url: auth.login.success_url ?? null,
        }
      : null,
  };
}
