// The one-off data migration that regroups findings stored one-per-page into one finding per root cause.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyDataMigrations, type Database } from "@/lib/db";
import { dedupe } from "@/lib/scanner/dedupe";
import { createTestDatabase } from "@/test/support/db";
import { seedTenant, type SeededTenant } from "@/test/services/seed";

const HOST = "bakery.example";
const O = `https://${HOST}`;
const PAGES = ["/", "/about", "/menu", "/contact", "/blog/sourdough", "/blog/rye"].map((p) => `${O}${p}`);

/** The fingerprint formula of the old shape: (host, pillar, rule, path template, key ?? selector ?? ""). */
function oldFp(pillar: string, rule: string, location: string, disc: string): string {
  return createHash("sha256").update([HOST, pillar, rule, location, disc].join("\u0000")).digest("hex");
}

let db: Database;
let t: SeededTenant;
let other: SeededTenant;

beforeAll(async () => {
  db = await createTestDatabase();
  // A database from before data migrations existed (opening one on PostgreSQL already ran them, on nothing).
  await db.sql.exec(`DROP TABLE IF EXISTS "_plumb_data_migrations"`);
  t = await seedTenant(db.prisma, { host: HOST });
  other = await seedTenant(db.prisma);
});
afterAll(async () => {
  await db?.close();
});

async function oldRow(over: Record<string, unknown> & { fingerprint: string; rule: string; pillar: string; url: string }) {
  return db.prisma.finding.create({
    data: {
      organizationId: t.orgId,
      domainId: t.domainId,
      severity: "medium",
      title: "t",
      description: "d",
      fix: "f",
      urls: [over.url],
      ...over,
    } as never,
  });
}

describe("regroup findings data migration", () => {
  it("merges old one-per-page rows into one finding per subject, keeping status, assignee, history and occurrences", async () => {
    const p = db.prisma;
    const scan = await p.scan.create({ data: { organizationId: t.orgId, domainId: t.domainId, pillars: ["seo"], status: "succeeded" } as never });
    const now = Date.now();
    // Six "no canonical" rows (page rule: one per page template before).
    const canon = [];
    for (const [i, url] of PAGES.entries()) {
      const path = new URL(url).pathname;
      canon.push(
        await oldRow({
          pillar: "seo",
          rule: "seo-canonical-missing",
          url,
          fingerprint: oldFp("seo", "seo-canonical-missing", path, ""),
          title: "Page has no canonical URL",
          status: i === 2 ? "in_progress" : i === 4 ? "resolved" : "accepted_risk",
          assigneeId: i === 1 ? t.userId : null,
          updatedAt: new Date(now - (6 - i) * 60_000),
          lastScanId: scan.id,
        }),
      );
    }
    for (const row of canon) await p.findingOccurrence.create({ data: { findingId: row.id, scanId: scan.id, severity: "medium", urls: [row.url] } });
    // The most recently triaged row is canon[1] (assigned): its audit entry is the newest.
    await p.auditEvent.create({
      data: { organizationId: t.orgId, actorUserId: t.userId, action: "finding.update", targetType: "finding", targetId: canon[0].id, metadata: { status: ["open", "accepted_risk"] }, createdAt: new Date(now - 3_600_000) },
    });
    await p.auditEvent.create({
      data: { organizationId: t.orgId, actorUserId: t.userId, action: "finding.update", targetType: "finding", targetId: canon[1].id, metadata: { assignee_id: [null, t.userId] }, createdAt: new Date(now - 60_000) },
    });
    // Four image-alt rows with positional selectors (element rule).
    for (const [i, url] of PAGES.slice(0, 4).entries()) {
      const selector = i === 0 ? "img" : `img:nth-child(${i + 1})`;
      await oldRow({ pillar: "accessibility", rule: "axe-image-alt", url, selector, fingerprint: oldFp("accessibility", "axe-image-alt", "*", selector) });
    }
    // A cookie (asset rule, siteWide key "sid@bakery.example" in the old fingerprint, named in the description).
    await oldRow({
      pillar: "cookies",
      rule: "cookie-missing-secure",
      url: PAGES[0],
      description: "Cookie sid@bakery.example is sent without Secure.",
      fingerprint: oldFp("cookies", "cookie-missing-secure", "*", "sid@bakery.example"),
    });
    // Another organization's finding with the same rule is never merged with ours.
    await p.finding.create({
      data: { organizationId: other.orgId, domainId: other.domainId, pillar: "seo", rule: "seo-canonical-missing", severity: "low", title: "x", description: "x", fix: "x", url: "https://o.example/", urls: [], fingerprint: "other" },
    });

    const before = await p.finding.count({ where: { domainId: t.domainId } });
    expect(before).toBe(11);
    expect(await applyDataMigrations(p)).toEqual(["20261202_regroup_findings_by_subject"]);
    const after = await p.finding.findMany({ where: { domainId: t.domainId }, include: { instances: true, occurrences: true, events: true } });
    expect(after).toHaveLength(3);

    const canonical = after.find((f) => f.rule === "seo-canonical-missing")!;
    expect(canonical.status).toBe("in_progress"); // the most open of accepted_risk, in_progress and resolved
    expect(canonical.assigneeId).toBe(t.userId);
    expect(canonical.instancesCount).toBe(6);
    expect(canonical.pagesCount).toBe(6);
    expect(canonical.instances.map((i) => i.url).sort()).toEqual([...PAGES].sort());
    // Six occurrences of one scan fold into one, listing every page.
    expect(canonical.occurrences).toHaveLength(1);
    expect([...canonical.occurrences[0].urls].sort()).toEqual([...PAGES].sort());
    expect(canonical.events.map((e) => e.kind).sort()).toEqual(["merged", "status", "triage"]);
    // The new fingerprint is the one a scan computes now, so the next scan updates this row.
    const fresh = dedupe(
      PAGES.map((url) => ({ rule: "seo-canonical-missing", pillar: "seo" as const, severity: "medium" as const, title: "", description: "", fix: "", url })),
      O,
    );
    expect(fresh).toHaveLength(1);
    expect(canonical.fingerprint).toBe(fresh[0].fingerprint);

    const alt = after.find((f) => f.rule === "axe-image-alt")!;
    expect(alt.instancesCount).toBe(4);
    expect(alt.subject).toBe("img");

    const cookie = after.find((f) => f.rule === "cookie-missing-secure")!;
    expect(cookie.subject).toBe("sid@bakery.example");
    const cookieNow = dedupe([{ rule: "cookie-missing-secure", pillar: "cookies", severity: "medium", title: "", description: "", fix: "", url: PAGES[3], key: "sid@bakery.example", siteWide: true }], O);
    expect(cookie.fingerprint).toBe(cookieNow[0].fingerprint);

    expect(await p.finding.count({ where: { domainId: other.domainId } })).toBe(1);
    // Recorded: it never runs twice.
    expect(await applyDataMigrations(p)).toEqual([]);
  });
});
