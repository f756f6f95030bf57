import { getEventListeners } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { signalScanChanged } from "@/lib/services/scans/scan-signals";
import { watchScanEvents, type ScanEvent } from "@/lib/services/scans/watch-scan-events";
import { createTestDatabase } from "@/test/support/db";
import { seedTenant, type SeededTenant } from "./seed";

// Live scan progress is pushed by LISTEN/NOTIFY (PGlite's own or PostgreSQL's), not polled: these tests give the
// watcher a safety-net read interval far longer than their own timeout, so only a signal can deliver in time.

const NEVER = 10 * 60_000;

describe("scan events pushed by change signals", () => {
  let db: Database;
  let t: SeededTenant;

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    t = await seedTenant(db.prisma);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await db?.close();
  });

  async function scanWithFindings(n: number, status: "running" | "succeeded") {
    const scan = await db.prisma.scan.create({
      data: { organizationId: t.orgId, domainId: t.domainId, status, pillars: ["seo"], startedAt: new Date(), ...(status === "succeeded" ? { finishedAt: new Date() } : {}) },
    });
    await addFindings(scan.id, 0, n);
    return scan.id;
  }

  async function addFindings(scanId: string, from: number, n: number) {
    const base = Date.now();
    for (let i = from; i < from + n; i += 100) {
      const batch = Array.from({ length: Math.min(100, from + n - i) }, (_, k) => i + k);
      const findings = await db.prisma.finding.createManyAndReturn({
        data: batch.map((k) => ({
          organizationId: t.orgId,
          domainId: t.domainId,
          fingerprint: `${scanId}-${k}`,
          pillar: "seo" as const,
          rule: `rule-${k}`,
          severity: "low" as const,
          title: `Finding ${k}`,
          description: "d",
          fix: "f",
          url: "https://a.example/",
        })),
        select: { id: true, fingerprint: true },
      });
      const order = new Map(batch.map((k) => [`${scanId}-${k}`, k]));
      await db.prisma.findingOccurrence.createMany({
        // Distinct timestamps, so the stream order is the insertion order.
        data: findings.map((f) => ({ findingId: f.id, scanId, severity: "low" as const, urls: [], createdAt: new Date(base + order.get(f.fingerprint)!) })),
      });
    }
  }

  async function collect(it: AsyncGenerator<ScanEvent>, until: (e: ScanEvent) => boolean): Promise<ScanEvent[]> {
    const out: ScanEvent[] = [];
    for await (const e of it) {
      out.push(e);
      if (until(e)) break;
    }
    return out;
  }

  it("a client connecting late gets all 600 findings first, then done", async () => {
    const scanId = await scanWithFindings(600, "succeeded");
    const events = await collect(watchScanEvents({ orgId: t.orgId, scanId, safetyReadMs: NEVER }), (e) => e.event === "done");
    const titles = events.flatMap((e) => (e.event === "finding" ? [e.finding.title] : []));
    expect(titles).toHaveLength(600);
    expect(new Set(titles).size).toBe(600);
    expect(titles[0]).toBe("Finding 0");
    expect(titles[599]).toBe("Finding 599");
    expect(events.at(-1)?.event).toBe("done");
  });

  it("resumes after Last-Event-ID without repeating what the client already has", async () => {
    const scanId = await scanWithFindings(450, "succeeded");
    const first = await collect(watchScanEvents({ orgId: t.orgId, scanId, safetyReadMs: NEVER }), (e) => e.event === "finding" && e.finding.title === "Finding 299");
    const lastId = first.at(-1)!.id;
    const rest = await collect(watchScanEvents({ orgId: t.orgId, scanId, lastEventId: lastId, safetyReadMs: NEVER }), (e) => e.event === "done");
    const titles = rest.flatMap((e) => (e.event === "finding" ? [e.finding.title] : []));
    expect(titles).toHaveLength(150);
    expect(titles[0]).toBe("Finding 300");
    // An id from another scan (or garbage) starts from the beginning rather than skipping anything.
    const other = await collect(watchScanEvents({ orgId: t.orgId, scanId, lastEventId: "nope", safetyReadMs: NEVER }), (e) => e.event === "done");
    expect(other.filter((e) => e.event === "finding")).toHaveLength(450);
  });

  it("pushes findings and the end of a running scan as they are recorded, without a poll", { timeout: 30_000 }, async () => {
    const scanId = await scanWithFindings(0, "running");
    const stream = watchScanEvents({ orgId: t.orgId, scanId, safetyReadMs: NEVER });
    const first = await stream.next();
    expect(first.value?.event).toBe("progress");

    const next = stream.next();
    await addFindings(scanId, 0, 3);
    await signalScanChanged({ scanId }, db.prisma);
    const got = [(await next).value];
    while (got.length < 3) got.push((await stream.next()).value);
    expect(got.map((e) => (e?.event === "finding" ? e.finding.title : e?.event))).toEqual(["Finding 0", "Finding 1", "Finding 2"]);

    // A signal sent inside a transaction arrives at its commit.
    const done = stream.next();
    await db.prisma.$transaction(async (tx) => {
      await tx.scan.update({ where: { id: scanId }, data: { status: "succeeded", finishedAt: new Date() } });
      await signalScanChanged({ scanId }, tx);
    });
    let e = (await done).value;
    while (e && e.event !== "done") e = (await stream.next()).value;
    expect(e?.event).toBe("done");
    await stream.return(undefined);
  });

  it("another organization's scan is not found, and a long stream leaves no abort listeners behind", { timeout: 30_000 }, async () => {
    const scanId = await scanWithFindings(0, "running");
    const other = await seedTenant(db.prisma);
    await expect(collect(watchScanEvents({ orgId: other.orgId, scanId }), () => true)).rejects.toMatchObject({ code: "not_found" });

    const abort = new AbortController();
    const stream = watchScanEvents({ orgId: t.orgId, scanId, signal: abort.signal, safetyReadMs: NEVER });
    await stream.next();
    for (let i = 0; i < 30; i++) {
      const pending = stream.next();
      await db.prisma.scan.update({ where: { id: scanId }, data: { pagesDone: i + 1, pagesTotal: 40 } });
      await signalScanChanged({ scanId }, db.prisma);
      expect((await pending).value?.event).toBe("progress");
    }
    expect(getEventListeners(abort.signal, "abort").length).toBeLessThanOrEqual(1);
    abort.abort();
    expect((await stream.next()).done).toBe(true);
  });
});
