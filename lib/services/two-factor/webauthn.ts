import { env } from "@/lib/env";

export interface RelyingParty {
  rpID: string;
  rpName: string;
  /** Origins a signed WebAuthn response may come from. */
  origins: string[];
}

/**
 * The WebAuthn relying party, from NEXTAUTH_URL (the app's public URL). WebAuthn refuses IP addresses as relying
 * party ids, so a loopback URL (http://127.0.0.1:3000) uses "localhost", the same machine, and accepts both.
 */
export function relyingParty(): RelyingParty {
  const e = env();
  const url = new URL(e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`);
  const host = url.hostname;
  if (host === "127.0.0.1" || host === "[::1]" || host === "::1") {
    const local = new URL(url.href);
    local.hostname = "localhost";
    return { rpID: "localhost", rpName: e.PLUMB_WEBAUTHN_RP_NAME, origins: [url.origin, local.origin] };
  }
  return { rpID: host, rpName: e.PLUMB_WEBAUTHN_RP_NAME, origins: [url.origin] };
}
