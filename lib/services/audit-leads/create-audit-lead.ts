import { createHmac } from "node:crypto";
import { getPrisma } from "@/lib/db";
import { secrets } from "@/lib/env";
import { normalizeDomainInput } from "../domains/normalize-domain-input";

export interface AuditLeadInput {
  email: string;
  hostname?: string;
  score: number;
  answers: Record<string, string | number | boolean | null | string[]>;
}

/**
 * Keyed hash of the submitter's address: enough to spot abuse from one address, useless for recovering it
 * (a plain SHA-256 of an IPv4 address is reversed by trying all 2^32).
 */
export function hashIp(ip: string): string {
  return createHmac("sha256", secrets().nextauthSecret).update(`audit-lead-ip:${ip}`).digest("hex");
}

/** What a person typed as their site: a host name, or a full address (with or without its scheme) whose origin is kept. */
function siteInput(typed: string): { hostname: string } | { url: string } {
  const t = typed.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return { url: t };
  if (/^[^\s/?#]+[/?#]/.test(t)) return { url: `https://${t}` };
  return { hostname: t };
}

/** Stores a public self-audit submission. No organization, hence no audit event. */
export async function createAuditLead(input: AuditLeadInput & { ip: string }) {
  const { ip } = input;
  const hostname = input.hostname ? normalizeDomainInput(siteInput(input.hostname)).host : null;
  const db = await getPrisma();
  return db.auditLead.create({
    data: { email: input.email, hostname, score: input.score, answers: input.answers, ipHash: hashIp(ip) },
    select: { id: true, createdAt: true },
  });
}
