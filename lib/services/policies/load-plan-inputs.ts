import type { PrismaNS } from "@/lib/db";
import type { Pillar, Severity } from "@/lib/scanner/types";
import { automationRulesSchema } from "./policy-rules";
import type { PlanFinding, PlanPolicy } from "./plan-policy-actions";

type Db = PrismaNS.TransactionClient;

/** The organization's enabled automation policies in evaluation order, rules parsed (a broken one is skipped). */
export async function loadAutomationPolicies(db: Db, input: { orgId: string; domainId?: string }): Promise<PlanPolicy[]> {
  const { orgId, domainId } = input;
  const rows = await db.policy.findMany({
    where: { organizationId: orgId, kind: "automation", enabled: true, ...(domainId ? { OR: [{ domainId: null }, { domainId }] } : {}) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.flatMap((r) => {
    const rules = automationRulesSchema.safeParse(r.rules);
    return rules.success ? [{ id: r.id, name: r.name, domainId: r.domainId, rules: rules.data }] : [];
  });
}

/**
 * Findings as the planner sees them, with who decided their status and severity last: the newest status /
 * severity event of each finding says whether a member (actorId) or the system made it. A severity override
 * without any severity event predates the event and was set by a person.
 */
export async function loadPlanFindings(db: Db, where: PrismaNS.FindingWhereInput, take = 5000): Promise<PlanFinding[]> {
  const rows = await db.finding.findMany({
    where: { ...where, status: { not: "resolved" } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      domainId: true,
      title: true,
      status: true,
      pillar: true,
      rule: true,
      severity: true,
      severityOverride: true,
      url: true,
      urls: true,
      instancesCount: true,
      regressedAt: true,
      domain: { select: { host: true } },
      taskLinks: { where: { task: { status: { not: "done" } } }, select: { taskId: true }, take: 1 },
      integrationLinks: { select: { integrationId: true } },
    },
  });
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // Tasks automation created ("task" events with a policy), to know which policies already did their part.
  const taskEvents = await db.findingEvent.findMany({
    where: { findingId: { in: ids }, kind: "task", policyId: { not: null } },
    select: { findingId: true, policyId: true, createdAt: true },
  });
  const events = await db.findingEvent.findMany({
    where: { findingId: { in: ids }, kind: { in: ["status", "severity"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { findingId: true, kind: true, actorId: true },
  });
  const latest = new Map<string, { status?: boolean; severity?: boolean }>();
  for (const e of events) {
    const seen = latest.get(e.findingId) ?? {};
    const human = e.actorId !== null;
    if (e.kind === "status" && seen.status === undefined) seen.status = human;
    if (e.kind === "severity" && seen.severity === undefined) seen.severity = human;
    latest.set(e.findingId, seen);
  }
  const tasked = new Map<string, { policyId: string; at: Date }[]>();
  for (const e of taskEvents) {
    if (!e.policyId) continue;
    tasked.set(e.findingId, [...(tasked.get(e.findingId) ?? []), { policyId: e.policyId, at: e.createdAt }]);
  }
  return rows.map((r) => {
    const who = latest.get(r.id) ?? {};
    // A regression starts the finding's work over: tasks created before it came back do not count.
    const since = r.regressedAt?.getTime() ?? 0;
    return {
      id: r.id,
      domainId: r.domainId,
      title: r.title,
      status: r.status,
      pillar: r.pillar as Pillar,
      rule: r.rule,
      severity: r.severity as Severity,
      url: r.url,
      urls: r.urls,
      host: r.domain.host,
      instancesCount: r.instancesCount,
      humanStatus: who.status ?? false,
      humanSeverity: who.severity ?? r.severityOverride !== null,
      openTask: r.taskLinks.length > 0,
      taskedByPolicies: (tasked.get(r.id) ?? []).filter((t) => t.at.getTime() >= since).map((t) => t.policyId),
      integrationIds: r.integrationLinks.map((l) => l.integrationId),
    };
  });
}
