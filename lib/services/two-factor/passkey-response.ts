import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";

// What a browser sends back is untrusted input: shape-check it before the library parses the bytes.
const b64url = z.string().min(1).max(4096).regex(/^[A-Za-z0-9_-]+={0,2}$/);
export const registrationResponseSchema = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal("public-key"),
  response: z.looseObject({ clientDataJSON: b64url, attestationObject: z.string().min(1).max(16_384), transports: z.array(z.string().max(32)).max(10).optional() }),
  clientExtensionResults: z.looseObject({}).default({}),
  authenticatorAttachment: z.string().max(32).optional(),
});
export const authenticationResponseSchema = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal("public-key"),
  response: z.looseObject({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: z.string().max(512).optional() }),
  clientExtensionResults: z.looseObject({}).default({}),
  authenticatorAttachment: z.string().max(32).optional(),
});

/** Parses a JSON string (or object) from the browser; null when it is not a WebAuthn authentication response. */
export function parseAuthenticationResponse(raw: unknown): AuthenticationResponseJSON | null {
  let value = raw;
  if (typeof raw === "string") {
    if (raw.length > 32_768) return null;
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const parsed = authenticationResponseSchema.safeParse(value);
  return parsed.success ? (parsed.data as unknown as AuthenticationResponseJSON) : null;
}

/** Parses a JSON string (or object) from the browser; null when it is not a WebAuthn registration response. */
export function parseRegistrationResponse(raw: unknown): RegistrationResponseJSON | null {
  const parsed = registrationResponseSchema.safeParse(typeof raw === "string" ? safeJson(raw) : raw);
  return parsed.success ? (parsed.data as unknown as RegistrationResponseJSON) : null;
}

export function safeJson(s: string): unknown {
  if (s.length > 65_536) return null;
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
