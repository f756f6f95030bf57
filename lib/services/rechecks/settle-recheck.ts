import { getPrisma, type Prisma } from "@/lib/db";
import type { RecheckRuleResult } from "@/lib/scanner/recheck";
import type { Finding as EngineFinding, FindingInstance as EngineInstance } from "@/lib/scanner/types";
import { recordAuditEvent } from "../audit/record-audit-event";
import { bumpDomainResultVersion } from "../domain-result/result-version";
import { normalizePageUrl } from "../scans/scan-target";
import { completeTasksOfResolvedFindings } from "../tasks/complete-tasks-of-resolved-findings";

export interface SettledRecheck {
  settled: boolean;
  status: "passed" | "failed" | "error";
  passed: number;
  failed: number;
}

const key = (url: string, selector: string, asset: string) => `${normalizePageUrl(url)}\u0000${selector}\u0000${asset}`;

function instancesOf(f: EngineFinding): EngineInstance[] {
  return f.instances?.length ? f.instances : f.urls.map((url) => ({ url }));
}

/**
 * Records a re-check's outcome in one transaction, guarded on status=running (a repeated step changes
 * nothing): one result row per instance (passed when the rule no longer fires there; failed, with the new
 * snippet, when it does, or when its page could not be loaded), plus a failed row per new instance of the same
 * finding. All passed: the finding is resolved (resolution verified, linked to this re-check) and tasks whose
 * findings are now all resolved are done. Otherwise it stays open and its instances on these pages are
 * replaced by what the re-check saw. The credit reserved is charged.
 */
export async function settleRecheck(
  input: { verificationId: string; result: RecheckRuleResult; now?: Date },
  prisma?: Prisma,
): Promise<SettledRecheck> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const r = input.result;
  const out = await db.$transaction(
    async (tx) => {
      const v = await tx.verification.findUniqueOrThrow({ where: { id: input.verificationId } });
      if (v.status !== "running") return { settled: false, status: "error" as const, passed: 0, failed: 0 };
      const finding = await tx.finding.findUniqueOrThrow({ where: { id: v.findingId } });
      const oldInstances = await tx.findingInstance.findMany({ where: { findingId: finding.id } });
      const same = r.findings.find((f) => f.fingerprint === finding.fingerprint);
      const seen = new Map<string, EngineInstance>();
      for (const i of same ? instancesOf(same) : []) seen.set(key(i.url, i.selector ?? "", i.asset ?? ""), i);
      const pageStatus = new Map<string, { status: number | null; error?: string }>();
      for (const p of r.pages) pageStatus.set(normalizePageUrl(p.url), p);

      const rows: { url: string; selector: string; asset: string; passed: boolean; snippet: string | null; error: string | null }[] = [];
      const olds = oldInstances.length > 0 ? oldInstances : (finding.urls.length ? finding.urls : [finding.url]).map((url) => ({ url, selector: "", asset: "", snippet: null }));
      const matched = new Set<string>();
      for (const o of olds) {
        const k = key(o.url, o.selector, o.asset);
        const page = pageStatus.get(normalizePageUrl(o.url));
        const again = seen.get(k);
        if (again) matched.add(k);
        if (!page || page.status === null) {
          rows.push({ url: o.url, selector: o.selector, asset: o.asset, passed: false, snippet: o.snippet, error: page?.error ?? "The page was not loaded." });
        } else if (again) {
          rows.push({ url: o.url, selector: o.selector, asset: o.asset, passed: false, snippet: again.snippet ?? null, error: null });
        } else {
          rows.push({ url: o.url, selector: o.selector, asset: o.asset, passed: true, snippet: null, error: null });
        }
      }
      // The same problem somewhere new on these pages: new evidence, not passed.
      for (const [k, i] of seen) {
        if (!matched.has(k)) rows.push({ url: i.url, selector: i.selector ?? "", asset: i.asset ?? "", passed: false, snippet: i.snippet ?? null, error: null });
      }
      const failed = rows.filter((x) => !x.passed).length;
      const passed = rows.length - failed;
      // Passing needs the finding gone from every page it was on, each page loaded, and the check itself
      // having run (n/a counts: the rule no longer applies there).
      const allPassed = failed === 0 && !same && rows.length > 0;
      await tx.verificationResult.createMany({ data: rows.map((x) => ({ verificationId: v.id, ...x, url: x.url.slice(0, 2_000), snippet: x.snippet?.slice(0, 500) ?? null })) });
      await tx.verification.update({
        where: { id: v.id },
        data: {
          status: allPassed ? "passed" : "failed",
          result: `${passed} of ${rows.length} instance${rows.length === 1 ? "" : "s"} passed`,
          creditsCharged: v.creditsReserved,
          finishedAt: now,
          durationMs: v.startedAt ? now.getTime() - v.startedAt.getTime() : null,
        },
      });
      if (allPassed) {
        const moved = await tx.finding.updateMany({
          where: { id: finding.id, status: { in: ["open", "in_progress", "accepted_risk"] } },
          data: { status: "resolved", resolvedAt: now, resolution: "verified", resolvedVerificationId: v.id, regression: false, acceptedUntil: null },
        });
        if (moved.count > 0) {
          await tx.findingEvent.create({
            data: {
              findingId: finding.id,
              organizationId: finding.organizationId,
              actorId: null,
              kind: "status",
              fromStatus: finding.status,
              toStatus: "resolved",
              justification: "Verified fixed by a re-check.",
              createdAt: now,
            },
          });
          await completeTasksOfResolvedFindings(tx, { findingIds: [finding.id], how: "verified", now });
        }
      } else if (same) {
        // New evidence: the instances on the re-checked pages become what this re-check saw.
        const checked = [...pageStatus.entries()].filter(([, p]) => p.status !== null).map(([u]) => u);
        const stale = oldInstances.filter((o) => checked.includes(normalizePageUrl(o.url)) && !seen.has(key(o.url, o.selector, o.asset)));
        if (stale.length > 0) await tx.findingInstance.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
        for (const i of seen.values()) {
          await tx.findingInstance.upsert({
            where: { findingId_url_selector_asset: { findingId: finding.id, url: i.url, selector: i.selector ?? "", asset: i.asset ?? "" } },
            create: { findingId: finding.id, url: i.url, selector: i.selector ?? "", asset: i.asset ?? "", snippet: i.snippet ?? null, firstSeenAt: now, lastSeenAt: now },
            update: { snippet: i.snippet ?? null, lastSeenAt: now },
          });
        }
        const instances = await tx.findingInstance.findMany({ where: { findingId: finding.id }, select: { url: true } });
        await tx.finding.update({
          where: { id: finding.id },
          data: {
            evidence: same.evidence ?? finding.evidence,
            lastSeenAt: now,
            instancesCount: instances.length,
            pagesCount: new Set(instances.map((i) => i.url)).size,
          },
        });
      }
      // Plumb itself finished it (the person who asked is on the verification.create event).
      await recordAuditEvent(tx, { orgId: v.organizationId, userId: null, apiKeyId: null, requestId: null }, {
        action: "verification.finish",
        targetType: "verification",
        targetId: v.id,
        metadata: { finding_id: finding.id, status: allPassed ? "passed" : "failed", passed, failed, finding_resolved: allPassed },
      });
      return { settled: true, status: allPassed ? ("passed" as const) : ("failed" as const), passed, failed };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  if (out.settled) bumpDomainResultVersion();
  return out;
}
