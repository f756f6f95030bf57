// The three ways to prove ownership of a domain, with the exact text to publish. Shared by the API
// (domain responses) and the dashboard. An IP address has no DNS zone to hold a TXT record, so targets
// given as an IP get the other two.
import { isIP } from "node:net";

export const META_NAME = "plumb-site-verification";
export const DNS_PREFIX = "plumb-site-verification=";
export const WELL_KNOWN_PATH = "/.well-known/plumb-verification.txt";

export type VerificationMethodName = "meta" | "dns" | "file";

export interface VerificationInstruction {
  method: VerificationMethodName;
  instructions: string;
  value: string;
  location: string;
}

export function domainOrigin(d: { scheme: string; host: string }): string {
  return `${d.scheme}://${d.host}`;
}

/** The DNS name the TXT record goes on: the host without port or IPv6 brackets. */
export function dnsName(host: string): string {
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]"));
  return host.replace(/:\d+$/, "");
}

export function verificationInstructions(d: { scheme: string; host: string; verifyToken: string }): {
  token: string;
  methods: VerificationInstruction[];
} {
  const origin = domainOrigin(d);
  const token = d.verifyToken;
  const methods: VerificationInstruction[] = [
    {
      method: "meta",
      instructions: `Add this tag inside the <head> of your home page (${origin}/).`,
      value: `<meta name="${META_NAME}" content="${token}">`,
      location: `${origin}/`,
    },
    {
      method: "dns",
      instructions: `Add a DNS TXT record on ${dnsName(d.host)} with this value.`,
      value: `${DNS_PREFIX}${token}`,
      location: dnsName(d.host),
    },
    {
      method: "file",
      instructions: `Serve a plain-text file at ${origin}${WELL_KNOWN_PATH} containing this token.`,
      value: token,
      location: `${origin}${WELL_KNOWN_PATH}`,
    },
  ];
  return { token, methods: isIP(dnsName(d.host)) ? methods.filter((m) => m.method !== "dns") : methods };
}
