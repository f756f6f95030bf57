// Re-verification, against the real database and a real site on loopback (allowed through the SSRF allow-list):
// a verified domain whose proof disappears loses its verification — before a scheduled scan, or from the daily
// batch — with the time, the reason and an audit event, and is refused scans until verified again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { createScan } from "@/lib/services/scans/create-scan";
import { enqueueScheduledScans } from "@/lib/services/scans/enqueue-scheduled-scans";
import { recheckDomainVerification, VERIFICATION_GRACE_MS } from "@/lib/services/verification/recheck-domain-verification";
import { recheckStaleVerifications } from "@/lib/services/verification/recheck-stale-verifications";
import { verifyDomain } from "@/lib/services/verification/verify-domain";
import { createTestDatabase } from "@/test/support/db";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { recheckOwnershipBeforeScan } from "@/lib/services/scans/recheck-ownership-before-scan";
import { ledgerSum, seedTenant } from "./seed";

const DAY = 86_400_000;
let db: Database;
let site: FixtureServer;
let root: string;
let deadPort: number;

/** One site for every domain (one allow-list entry): each domain's proof is its token's line in the well-known file. */
function publish(token: string, present: boolean) {
  const file = path.join(root, ".well-known", "plumb-verification.txt");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tokens = new Set(fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean) : []);
  if (present) tokens.add(token);
  else tokens.delete(token);
  fs.writeFileSync(file, [...tokens].join("\n") + "\n");
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-reverify-"));
  fs.writeFileSync(path.join(root, "index.html"), "<!doctype html><html><head><title>x</title></head><body>hi</body></html>");
  site = await startFixtureServer({ root });
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  deadPort = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  // Exactly the fixture origins: the dead one too, so that "unreachable" is what the check sees.
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = `${new URL(site.origin).host},127.0.0.1:${deadPort}`;
  process.env.PLUMB_JOBS_CRON = "off";
  resetEnv();
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  setDatabase(undefined);
  await db?.close();
  await site?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function verifiedTenant(opts: { host?: string; verifiedDaysAgo?: number } = {}) {
  const t = await seedTenant(db.prisma, { host: opts.host ?? new URL(site.origin).host });
  const at = new Date(Date.now() - (opts.verifiedDaysAgo ?? 0) * DAY);
  const d = await db.prisma.domain.update({ where: { id: t.domainId }, data: { scheme: "http", verifiedAt: at, verificationMethod: "file" } });
  return { ...t, token: d.verifyToken };
}

describe("recheckDomainVerification", () => {
  it("keeps a domain whose proof is still there, recording the check", async () => {
    const t = await verifiedTenant();
    publish(t.token, true);
    expect(await recheckDomainVerification({ orgId: t.orgId, domainId: t.domainId })).toEqual({ status: "confirmed", method: "file" });
    const d = await db.prisma.domain.findUniqueOrThrow({ where: { id: t.domainId } });
    expect(d.verifiedAt).not.toBeNull();
    expect(d.verificationCheckedAt).not.toBeNull();
    expect(d.verificationConfirmedAt?.getTime()).toBe(d.verificationCheckedAt?.getTime());
    expect(d.verificationLostAt).toBeNull();
  });

  it("unverifies a domain whose proof is gone: reason, time, audit event, scans refused; verifying again clears it", async () => {
    const t = await verifiedTenant();
    publish(t.token, true);
    await recheckDomainVerification({ orgId: t.orgId, domainId: t.domainId });
    publish(t.token, false);
    const r = await recheckDomainVerification({ orgId: t.orgId, domainId: t.domainId });
    expect(r.status).toBe("lost");
    expect(r.reason).toMatch(/proof is gone/);
    expect(r.reason).toMatch(/file: .* does not contain the token/);
    const d = await db.prisma.domain.findUniqueOrThrow({ where: { id: t.domainId } });
    expect(d).toMatchObject({ verifiedAt: null, verificationMethod: null });
    expect(d.verificationLostAt).not.toBeNull();
    expect(d.verificationLostReason).toBe(r.reason);
    const audit = await db.prisma.auditEvent.findMany({ where: { organizationId: t.orgId, action: "domain.verification_lost" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetId: t.domainId, actorUserId: null, actorApiKeyId: null });
    expect(JSON.stringify(audit[0].metadata)).toContain("does not contain the token");

    await expect(createScan(t.actor, { domainId: t.domainId, pillars: ["seo"] }, db.prisma)).rejects.toMatchObject({ code: "domain_not_verified" });
    // Checking again changes nothing (it is not verified any more) and records no second loss.
    expect((await recheckDomainVerification({ orgId: t.orgId, domainId: t.domainId })).status).toBe("not_verified");
    expect(await db.prisma.auditEvent.count({ where: { organizationId: t.orgId, action: "domain.verification_lost" } })).toBe(1);

    publish(t.token, true);
    const again = await verifyDomain(t.actor, t.domainId);
    expect(again.outcome).toMatchObject({ verified: true, method: "file" });
    expect(again.domain).toMatchObject({ verificationLostAt: null, verificationLostReason: null });
  });

  it("keeps an unreachable domain verified within the grace period, and drops it after", async () => {
    const t = await verifiedTenant({ host: `127.0.0.1:${deadPort}` });
    const r = await recheckDomainVerification({ orgId: t.orgId, domainId: t.domainId });
    expect(r.status).toBe("inconclusive");
    expect((await db.prisma.domain.findUniqueOrThrow({ where: { id: t.domainId } })).verifiedAt).not.toBeNull();

    const later = new Date(Date.now() + VERIFICATION_GRACE_MS + DAY);
    const lost = await recheckDomainVerification({ orgId: t.orgId, domainId: t.domainId, now: later });
    expect(lost.status).toBe("lost");
    expect(lost.reason).toMatch(/could not be checked since/);
  });
});

describe("before a scheduled scan", () => {
  it("re-checks the proof in the scan's job, and a domain that lost it is not scanned nor charged", async () => {
    const t = await verifiedTenant();
    publish(t.token, false);
    const before = await ledgerSum(db.prisma, t.orgId);
    await db.prisma.domain.update({ where: { id: t.domainId }, data: { schedule: "daily", nextScheduledAt: new Date(Date.now() - 60_000) } });
    await enqueueScheduledScans({}, db.prisma);
    const created = await db.prisma.scan.findFirstOrThrow({ where: { domainId: t.domainId } });
    const gate = await recheckOwnershipBeforeScan({ scanId: created.id }, db.prisma);
    expect(gate.proceed).toBe(false);
    expect(gate.reason).toMatch(/^domain_not_verified/);
    const scan = await db.prisma.scan.findUniqueOrThrow({ where: { id: created.id } });
    expect(scan.status).toBe("failed");
    expect(scan.startedAt).toBeNull();
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(before);
    const d = await db.prisma.domain.findUniqueOrThrow({ where: { id: t.domainId } });
    expect(d.verifiedAt).toBeNull();
    expect(d.verificationLostAt).not.toBeNull();
    // Unverified now: the next tick does not even create a scan.
    await db.prisma.domain.update({ where: { id: t.domainId }, data: { nextScheduledAt: new Date(Date.now() - 60_000) } });
    await enqueueScheduledScans({}, db.prisma);
    expect(await db.prisma.scan.count({ where: { domainId: t.domainId } })).toBe(1);
  });

  it("lets a scheduled scan of a domain whose proof is still there proceed", async () => {
    const t = await verifiedTenant();
    publish(t.token, true);
    await db.prisma.domain.update({ where: { id: t.domainId }, data: { schedule: "daily", nextScheduledAt: new Date(Date.now() - 60_000) } });
    await enqueueScheduledScans({}, db.prisma);
    const mine = await db.prisma.scan.findFirstOrThrow({ where: { domainId: t.domainId } });
    expect(await recheckOwnershipBeforeScan({ scanId: mine.id }, db.prisma)).toEqual({ proceed: true });
  });
});

describe("recheckStaleVerifications (the daily batch)", () => {
  it("re-checks domains never checked or checked 30+ days ago, in batches, and leaves fresh ones alone", async () => {
    // Start from a clean slate: earlier tests' domains are checked now, and stay out of the batch.
    const now = new Date();
    const stale = await verifiedTenant({ verifiedDaysAgo: 40 });
    await db.prisma.domain.update({ where: { id: stale.domainId }, data: { verificationCheckedAt: new Date(now.getTime() - 31 * DAY), verificationConfirmedAt: new Date(now.getTime() - 31 * DAY) } });
    const fresh = await verifiedTenant({ verifiedDaysAgo: 40 });
    await db.prisma.domain.update({ where: { id: fresh.domainId }, data: { verificationCheckedAt: new Date(now.getTime() - 2 * DAY), verificationConfirmedAt: new Date(now.getTime() - 2 * DAY) } });
    const gone = await verifiedTenant({ verifiedDaysAgo: 3 });
    publish(stale.token, true);
    publish(fresh.token, false);
    publish(gone.token, false);

    const first = await recheckStaleVerifications({ batchSize: 1, now }, db.prisma);
    const second = await recheckStaleVerifications({ batchSize: 10, now }, db.prisma);
    expect(first.checked).toBe(1);
    const all = first.counts.confirmed + first.counts.lost + second.counts.confirmed + second.counts.lost;
    expect(all).toBe(2);
    expect([...first.lostDomainIds, ...second.lostDomainIds]).toEqual([gone.domainId]);
    expect((await db.prisma.domain.findUniqueOrThrow({ where: { id: stale.domainId } })).verificationCheckedAt?.getTime()).toBe(now.getTime());
    // The fresh domain's proof is gone too, but its check is not due: untouched.
    expect((await db.prisma.domain.findUniqueOrThrow({ where: { id: fresh.domainId } })).verifiedAt).not.toBeNull();
    expect((await recheckStaleVerifications({ now }, db.prisma)).checked).toBe(0);
  });
});
