import { getPrisma, type Prisma } from "@/lib/db";
import { flushOutbox } from "@/lib/jobs/outbox";
import type { Severity } from "@/lib/scanner/types";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event";
import { emitAlert } from "../alerts/emit-alert";
import { bumpDomainResultVersion } from "../domain-result/result-version";
import { loadAutomationPolicies, loadPlanFindings } from "./load-plan-inputs";
import { planPolicyActions, type PlannedAction } from "./plan-policy-actions";
import { applyPolicyTask } from "./apply-policy-task";
import { applyPolicySync } from "./apply-policy-sync";

export interface AppliedPolicies {
  applied: number;
  skippedHuman: number;
  notified: number;
  /** tasks created by create_task actions */
  tasks: number;
  /** findings queued for an integration sync by sync_integration actions */
  synced: number;
}

/**
 * Runs the organization's enabled automation policies over the findings a settled scan saw, in order. Every
 * change is a FindingEvent (actor null, policyId set) and an audit event; a member's decision is never
 * overridden (plan-policy-actions.ts). Running it twice changes nothing the second time (no_change), and a
 * notification is keyed per policy and scan, so a retried step never alerts twice.
 */
export async function applyAutomationPolicies(input: { scanId: string; now?: Date }, prisma?: Prisma): Promise<AppliedPolicies> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const scan = await db.scan.findUniqueOrThrow({ where: { id: input.scanId }, select: { id: true, organizationId: true, domainId: true, status: true } });
  const none: AppliedPolicies = { applied: 0, skippedHuman: 0, notified: 0, tasks: 0, synced: 0 };
  if (scan.status !== "succeeded") return none;
  const mailIds: string[] = [];
  const result = await db.$transaction(
    async (tx): Promise<AppliedPolicies> => {
      const policies = await loadAutomationPolicies(tx, { orgId: scan.organizationId, domainId: scan.domainId });
      if (policies.length === 0) return none;
      const findings = await loadPlanFindings(tx, { domainId: scan.domainId, lastScanId: scan.id });
      const plan = planPolicyActions(findings, policies, now);
      const actor = systemActor(scan.organizationId);
      let applied = 0;
      let tasks = 0;
      const notify = new Map<string, { channelId: string; policyId: string; policyName: string; findingIds: string[] }>();
      const syncs = new Map<string, { integrationId: string; policyId: string; policyName: string; actions: PlannedAction[] }>();
      for (const a of plan) {
        if (a.skipped) continue;
        if (a.action === "create_task") {
          const done = await applyPolicyTask(tx, { action: a, orgId: scan.organizationId, scanId: scan.id, now });
          if (done.mailId) mailIds.push(done.mailId);
          tasks++;
          applied++;
          continue;
        }
        if (a.action === "sync_integration" && a.to) {
          const key = `${a.policyId}:${a.to}`;
          const entry = syncs.get(key) ?? { integrationId: a.to, policyId: a.policyId, policyName: a.policyName, actions: [] };
          entry.actions.push(a);
          syncs.set(key, entry);
          continue;
        }
        if (a.action === "notify_channel" && a.to) {
          const key = `${a.policyId}:${a.to}`;
          const entry = notify.get(key) ?? { channelId: a.to, policyId: a.policyId, policyName: a.policyName, findingIds: [] };
          entry.findingIds.push(a.findingId);
          notify.set(key, entry);
          continue;
        }
        if (a.action === "set_severity") {
          await tx.finding.update({ where: { id: a.findingId }, data: { severity: a.to as Severity, severityOverride: a.to as Severity } });
          await tx.findingEvent.create({
            data: { findingId: a.findingId, organizationId: scan.organizationId, actorId: null, policyId: a.policyId, kind: "severity", fromSeverity: a.from as Severity, toSeverity: a.to as Severity, createdAt: now },
          });
        } else {
          const to = a.to as "accepted_risk" | "false_positive";
          await tx.finding.update({ where: { id: a.findingId }, data: { status: to, acceptedUntil: a.acceptedUntil } });
          await tx.findingEvent.create({
            data: {
              findingId: a.findingId,
              organizationId: scan.organizationId,
              actorId: null,
              policyId: a.policyId,
              kind: "status",
              fromStatus: a.from as "open",
              toStatus: to,
              justification: a.justification,
              acceptedUntil: a.acceptedUntil,
              createdAt: now,
            },
          });
        }
        await recordAuditEvent(tx, actor, {
          action: "policy.apply",
          targetType: "finding",
          targetId: a.findingId,
          metadata: { policy_id: a.policyId, policy_name: a.policyName, action: a.action, scan_id: scan.id },
          before: a.action === "set_severity" ? { severity: a.from } : { status: a.from },
          after: a.action === "set_severity" ? { severity: a.to } : { status: a.to, ...(a.acceptedUntil ? { accepted_until: a.acceptedUntil.toISOString() } : {}) },
        });
        applied++;
      }
      let notified = 0;
      for (const n of notify.values()) {
        const rows = await tx.finding.findMany({ where: { id: { in: n.findingIds.slice(0, 50) } }, select: { id: true, title: true, rule: true, severity: true, url: true } });
        notified += await emitAlert(tx, {
          orgId: scan.organizationId,
          trigger: "policy.matched",
          eventKey: `policy:${n.policyId}:scan:${scan.id}`,
          channelId: n.channelId,
          domainId: scan.domainId,
          data: { policy_id: n.policyId, policy_name: n.policyName, scan_id: scan.id, matched: n.findingIds.length, findings: rows },
          now,
        });
      }
      let synced = 0;
      for (const s of syncs.values()) {
        const n = await applyPolicySync(tx, { ...s, orgId: scan.organizationId, scanId: scan.id, now });
        synced += n;
        applied += n;
      }
      return { applied, skippedHuman: plan.filter((a) => a.skipped === "human_decision").length, notified, tasks, synced };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  if (result.applied > 0) bumpDomainResultVersion();
  // Alerts, integration syncs and assignee mail were written to the outbox in the transaction: send them now.
  if (result.notified > 0 || result.synced > 0 || mailIds.length > 0) await flushOutbox();
  return result;
}
