// The login script as users write it (CLI `--login-script file.json`, API `PUT /domains/{id}/auth`): one
// snake_case shape, validated here and turned into the scanner's LoginScript.
import { z } from "zod";
import type { LoginScript } from "../types";

const selector = z.string().trim().min(1).max(500);

export const loginScriptSchema = z
  .object({
    url: z.string().trim().url().max(2048).refine((u) => /^https?:\/\//i.test(u), "an http(s) URL"),
    username: z.string().min(1).max(500),
    password: z.string().min(1).max(500),
    username_selector: selector,
    password_selector: selector,
    submit_selector: selector.optional(),
    success_selector: selector.optional(),
    success_url: z.string().trim().min(1).max(2048).optional(),
  })
  .strict()
  .refine((s) => s.success_selector !== undefined || s.success_url !== undefined, {
    message: "Give success_selector or success_url: how Plumb tells that the sign-in worked.",
    path: ["success_selector"],
  });

export type LoginScriptInput = z.infer<typeof loginScriptSchema>;

export function toLoginScript(s: LoginScriptInput): LoginScript {
  return {
    url: s.url,
    username: s.username,
    password: s.password,
    usernameSelector: s.username_selector,
    passwordSelector: s.password_selector,
    ...(s.submit_selector ? { submitSelector: s.submit_selector } : {}),
    ...(s.success_selector ? { successSelector: s.success_selector } : {}),
    ...(s.success_url ? { successUrl: s.success_url } : {}),
  };
}

// A header a scan may add: a token, not a name that changes how the request travels or what the host is.
const FORBIDDEN_HEADERS = /^(host|content-length|connection|transfer-encoding|upgrade|te|trailer|keep-alive|proxy-.*|cookie)$/i;
export const headerNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "a header name (letters, digits and -)")
  .refine((n) => !FORBIDDEN_HEADERS.test(n), "this header cannot be set (use cookies for Cookie)");
export const headerValueSchema = z.string().max(4096).regex(/^[^\r\n\u0000]*$/, "a single-line value");
export const cookieNameSchema = z.string().trim().min(1).max(200).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "a cookie name");
export const cookieValueSchema = z.string().max(4096).regex(/^[^;\r\n\u0000]*$/, "a cookie value without ; or line breaks");
