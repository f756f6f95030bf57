import tls from "node:tls";
import { getPrisma, type Prisma } from "@/lib/db";
import { flushOutbox } from "@/lib/jobs/outbox";
import { serverTargetPolicy } from "@/lib/net/outbound";
import { assertPublicHost, effectivePort } from "@/lib/net/ssrf";
import { emitAlert } from "./emit-alert";

const DAY_MS = 86_400_000;
const TIMEOUT_MS = 10_000;

export interface PeerCertificate {
  validTo: Date;
  fingerprint: string;
  subject: string;
}

/**
 * The certificate a host presents, read with a bare TLS handshake (no HTTP request, no scan). The host goes
 * through the SSRF guard first and the socket connects to the checked address (SNI carries the name).
 * The certificate is read, not judged: an expired or self-signed one is what this check reports on.
 */
export async function readPeerCertificate(host: string, port: number): Promise<PeerCertificate> {
  const resolved = await assertPublicHost(host, { ...serverTargetPolicy(), scheme: "https:", port });
  return new Promise<PeerCertificate>((resolve, reject) => {
    const socket = tls.connect({ host: resolved.address, port, servername: /^[\d.:]+$/.test(host) ? undefined : host, rejectUnauthorized: false, timeout: TIMEOUT_MS });
    const fail = (err: Error) => {
      socket.destroy();
      reject(err);
    };
    socket.once("secureConnect", () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      if (!cert || !cert.valid_to) return reject(new Error(`${host}:${port} presented no certificate`));
      resolve({ validTo: new Date(cert.valid_to), fingerprint: cert.fingerprint256 ?? cert.fingerprint ?? "", subject: String(cert.subject?.CN ?? "") });
    });
    socket.once("timeout", () => fail(new Error(`TLS handshake with ${host}:${port} timed out`)));
    socket.once("error", fail);
  });
}

/**
 * The daily TLS check: every verified https domain of an organization with a channel subscribed to
 * `tls.expiring` gets a handshake; a certificate expiring within a channel's `tls_expiry_days` raises one alert
 * per certificate and channel (keyed by domain, certificate fingerprint and expiry — so it is sent once, and
 * again only for a new certificate). Unreachable hosts are counted, not alerted: the scans report those.
 */
export async function checkTlsExpiry(input: { now?: Date } = {}, prisma?: Prisma): Promise<{ checked: number; expiring: number; errors: number; alerts: number }> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const orgs = await db.alertChannel.findMany({ where: { enabled: true, triggers: { has: "tls.expiring" } }, select: { organizationId: true }, distinct: ["organizationId"] });
  let checked = 0;
  let expiring = 0;
  let errors = 0;
  let alerts = 0;
  for (const { organizationId } of orgs) {
    const domains = await db.domain.findMany({ where: { organizationId, scheme: "https", verifiedAt: { not: null } }, select: { id: true, host: true }, take: 5000 });
    for (const d of domains) {
      const u = new URL(`https://${d.host}`);
      let cert: PeerCertificate;
      try {
        cert = await readPeerCertificate(u.hostname.replace(/^\[|\]$/g, ""), effectivePort(u));
      } catch {
        errors++;
        continue;
      }
      checked++;
      const daysLeft = Math.floor((cert.validTo.getTime() - now.getTime()) / DAY_MS);
      const created = await db.$transaction((tx) =>
        emitAlert(tx, {
          orgId: organizationId,
          trigger: "tls.expiring",
          eventKey: `tls:${d.id}:${cert.fingerprint}:${cert.validTo.toISOString()}`,
          domainId: d.id,
          tlsDaysLeft: daysLeft,
          data: { domain_id: d.id, host: d.host, valid_to: cert.validTo.toISOString(), days_left: daysLeft, subject: cert.subject },
          now,
        }),
      );
      if (created > 0) expiring++;
      alerts += created;
    }
  }
  if (alerts > 0) await flushOutbox();
  return { checked, expiring, errors, alerts };
}
