import { getPrisma } from "@/lib/db";
import { buildIssueDraft, draftHash, type DraftFinding } from "@/lib/integrations/issue-draft";
import { assigneeMapSchema, isTracker, labelConfigSchema, ProviderError, type ExternalIssue, type IssueDraft, type ProviderContext, type TrackerProvider } from "@/lib/integrations/provider";
import { appUrl } from "../mail/app-url";
import { integrationContext } from "./integration-context";
import { refreshOAuthCredential } from "./refresh-oauth-credential";

export const SYNC_BATCH = 50;
const ACTIVE = new Set(["open", "in_progress"]);

export interface SyncBatchResult {
  /** The last link id handled; null when the integration has no more links after it. */
  nextCursor: string | null;
  created: number;
  updated: number;
  closed: number;
  reopened: number;
  unchanged: number;
  failed: number;
  calls: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
}

type LinkRow = Awaited<ReturnType<typeof loadUnit>>[number];

async function loadUnit(integrationId: string, findingIds: string[]) {
  const db = await getPrisma();
  return db.integrationLink.findMany({
    where: { integrationId, findingId: { in: findingIds } },
    orderBy: { id: "asc" },
    include: {
      finding: {
        include: {
          instances: { orderBy: { lastSeenAt: "desc" }, take: 20, select: { url: true, selector: true, asset: true, snippet: true } },
          taskLinks: { orderBy: { createdAt: "asc" }, take: 1, select: { task: { select: { id: true, title: true, description: true, findings: { select: { findingId: true } } } } } },
          organization: { select: { slug: true } },
        },
      },
    },
  });
}

function draftFinding(l: LinkRow): DraftFinding {
  const f = l.finding;
  return { id: f.id, title: f.title, description: f.description, fix: f.fix, pillar: f.pillar, severity: f.severity, rule: f.rule, assigneeId: f.assigneeId, instancesCount: f.instancesCount, pagesCount: f.pagesCount, instances: f.instances };
}

/**
 * One batch of the issue sync, after link `cursor`: each issue unit (a finding, or a task with its findings)
 * is created when pending, updated when its draft changed, closed when all its findings are resolved (or
 * triaged away), and reopened — once — when a finding closed upstream is still seen. Idempotent: every
 * decision is read from the links, which are written right after each upstream call.
 * Provider refusals of one issue (validation, not found) are recorded on its links and the sync goes on;
 * credential/permission failures and retryable ones (rate limit, 5xx, network) are thrown.
 */
export async function syncIntegrationBatch(input: { integrationId: string; organizationId: string; cursor: string | null }): Promise<SyncBatchResult> {
  const db = await getPrisma();
  const row = await db.integration.findFirst({ where: { id: input.integrationId, organizationId: input.organizationId } });
  const empty: SyncBatchResult = { nextCursor: null, created: 0, updated: 0, closed: 0, reopened: 0, unchanged: 0, failed: 0, calls: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 };
  if (!row || !row.encryptedCredentials || row.status === "disconnected") return empty;
  const { provider, ctx } = integrationContext(await refreshOAuthCredential(row));
  if (!isTracker(provider)) return empty;
  const tracker = provider as TrackerProvider<unknown>;
  const config = ctx.config as { labels?: unknown; assignees?: unknown };
  const labels = labelConfigSchema.parse(config.labels);
  const assignees = assigneeMapSchema.parse(config.assignees);

  const batch = await db.integrationLink.findMany({
    where: { integrationId: row.id, ...(input.cursor ? { id: { gt: input.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: SYNC_BATCH,
    select: { id: true, findingId: true },
  });
  const out = { ...empty, nextCursor: batch.length === SYNC_BATCH ? batch[batch.length - 1]!.id : null };
  const done = new Set<string>();
  for (const b of batch) {
    if (done.has(b.findingId)) continue;
    const [self] = await loadUnit(row.id, [b.findingId]);
    if (!self) continue;
    const task = self.finding.taskLinks[0]?.task;
    const unit = task ? await loadUnit(row.id, task.findings.map((f) => f.findingId)) : [self];
    // A task's unit is handled once, by its first link (lowest id) in link order.
    unit.forEach((l) => done.add(l.findingId));
    if (unit[0]!.id !== self.id && unit[0]!.id <= (input.cursor ?? "")) continue;
    try {
      await syncUnit(tracker, ctx, unit, task ?? null, { labels, assignees }, out);
    } catch (err) {
      if (err instanceof ProviderError && (err.kind === "validation" || err.kind === "not_found" || err.kind === "invalid_response")) {
        out.failed++;
        await db.integrationLink.updateMany({ where: { id: { in: unit.map((l) => l.id) } }, data: { lastError: err.message.slice(0, 1000), lastSyncedAt: new Date() } });
        continue;
      }
      Object.assign(out, { calls: out.calls + ctx.stats.calls, rateLimitWaits: ctx.stats.rateLimitWaits, rateLimitWaitMs: ctx.stats.rateLimitWaitMs });
      throw err;
    }
  }
  out.calls = ctx.stats.calls;
  out.rateLimitWaits = ctx.stats.rateLimitWaits;
  out.rateLimitWaitMs = ctx.stats.rateLimitWaitMs;
  return out;
}

async function syncUnit(
  tracker: TrackerProvider<unknown>,
  ctx: ProviderContext<unknown>,
  unit: LinkRow[],
  task: { id: string; title: string; description: string | null } | null,
  cfg: { labels: ReturnType<typeof labelConfigSchema.parse>; assignees: Record<string, string> },
  out: SyncBatchResult,
): Promise<void> {
  const db = await getPrisma();
  const first = unit[0]!;
  const slug = first.finding.organization.slug;
  const active = unit.some((l) => ACTIVE.has(l.finding.status));
  const linked = unit.find((l) => l.externalId);
  const draft = buildIssueDraft({
    findings: unit.map(draftFinding),
    task: task ?? undefined,
    plumbUrl: appUrl(`/o/${slug}/findings?finding=${first.findingId}&resolved=1`),
    labels: cfg.labels,
    assignees: cfg.assignees,
  });
  const hash = draftHash(draft);
  const save = async (issue: ExternalIssue, extra: { draftHash?: string; reopenedUpstream?: boolean } = {}) => {
    await db.integrationLink.updateMany({
      where: { id: { in: unit.map((l) => l.id) } },
      data: { externalId: issue.externalId, url: issue.url.slice(0, 2000), state: issue.state, upstreamUpdatedAt: issue.updatedAt, lastSyncedAt: new Date(), lastError: null, ...extra },
    });
  };
  // An assignee the provider refuses (not a collaborator any more) must not block the issue itself.
  const withAssigneeFallback = async (fn: (d: IssueDraft) => Promise<ExternalIssue>): Promise<ExternalIssue> => {
    try {
      return await fn(draft);
    } catch (err) {
      if (err instanceof ProviderError && err.kind === "validation" && draft.assignees.length) return fn({ ...draft, assignees: [] });
      throw err;
    }
  };

  if (!linked) {
    if (!active) {
      // Resolved before it was ever filed: nothing to send.
      await db.integrationLink.deleteMany({ where: { id: { in: unit.map((l) => l.id) }, externalId: null } });
      out.unchanged++;
      return;
    }
    const issue = await withAssigneeFallback((d) => tracker.createIssue(ctx, d));
    await save(issue, { draftHash: hash });
    out.created++;
    return;
  }
  const externalId = linked.externalId!;
  const state = linked.state === "pending" ? "open" : linked.state;
  if (!active && state === "open") {
    const how = unit.every((l) => l.finding.status === "resolved") ? "Resolved in Plumb: the finding is no longer seen (or was marked fixed)." : "Closed from Plumb: the finding was triaged as an accepted risk or a false positive.";
    await save(await tracker.closeIssue(ctx, externalId, how));
    out.closed++;
    return;
  }
  if (active && state === "closed") {
    if (unit.some((l) => l.reopenedUpstream)) {
      out.unchanged++;
      return;
    }
    const issue = await tracker.reopenIssue(ctx, externalId, "Reopened by Plumb: this issue was closed, but the latest scan still sees the problem. Plumb reopens an issue only once.");
    await save(issue, { reopenedUpstream: true });
    out.reopened++;
    return;
  }
  if (active && unit.some((l) => l.draftHash !== hash || l.externalId === null)) {
    const issue = await withAssigneeFallback((d) => tracker.updateIssue(ctx, externalId, d));
    await save(issue, { draftHash: hash });
    out.updated++;
    return;
  }
  out.unchanged++;
}
