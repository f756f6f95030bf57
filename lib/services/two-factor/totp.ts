import { generateSecret, generateURI, verify } from "otplib";

// RFC 6238 defaults (SHA-1, 6 digits, 30 s) are what every authenticator app supports. One step of clock drift
// either way is accepted.
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(input: { secret: string; email: string; issuer: string }): string {
  return generateURI({ issuer: input.issuer, label: input.email, secret: input.secret });
}

/** The matched time step, or null. Steps at or before `afterTimeStep` are refused (a code works once). */
export async function checkTotp(input: { secret: string; code: string; afterTimeStep?: number | null }): Promise<number | null> {
  const code = input.code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      strategy: "totp",
      secret: input.secret,
      token: code,
      epochTolerance: TOLERANCE_SECONDS,
      ...(input.afterTimeStep != null ? { afterTimeStep: input.afterTimeStep } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}
