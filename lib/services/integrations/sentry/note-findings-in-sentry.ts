// "Note in Sentry": a security finding about the site's CSP is written as a note on the Sentry issue that
// collects the matching violation reports (the most frequent unresolved one), with what Plumb found, how to
// fix it and a link back; the link is stored (IntegrationLink, external id = the Sentry issue id), so a finding
// is noted once however often this runs. Findings no CSP issue matches are reported, not forced.
import { createHash } from "node:crypto";
import { getPrisma } from "@/lib/db";
import { ProviderError, type ProviderContext } from "@/lib/integrations/provider";
import { cspDirectivesFor } from "@/lib/integrations/providers/sentry/csp-directives";
import type { SentryConfig } from "@/lib/integrations/providers/sentry/sentry-config";
import { addSentryIssueNote, findSentryCspIssue, type SentryIssueRef } from "@/lib/integrations/providers/sentry/sentry-provider";
import { recordAuditEvent, type Actor } from "../../audit/record-audit-event";
import { ServiceError } from "../../errors";
import { appUrl } from "../../mail/app-url";
import { integrationContext } from "../integration-context";
import { providerFailure } from "../provider-failure";
import { cspFindingKey } from "./read-domain-csp-reports";
import { connectedSentry } from "./sentry-integration";

export const MAX_SENTRY_NOTES = 50;

export interface SentryNoteResult {
  noted: number;
  alreadyNoted: number;
  /** Findings that are not about the CSP, or for which the project has no matching unresolved CSP issue. */
  unmatched: number;
}

function noteText(f: { title: string; severity: string; fix: string; id: string }, orgSlug: string): string {
  // Plumb's own text, but Sentry renders notes as markdown with mentions: neutralise @ and HTML.
  const clean = (s: string, n: number) => s.slice(0, n).replace(/</g, "&lt;").replace(/@(?=\w)/g, "@\u200b");
  return [
    `Plumb (${clean(f.severity, 20)}): ${clean(f.title, 250)}`,
    "",
    `How to fix: ${clean(f.fix, 2000)}`,
    "",
    `Open in Plumb: ${appUrl(`/o/${orgSlug}/findings?finding=${f.id}&resolved=1`)}`,
  ].join("\n");
}

export async function noteFindingsInSentry(actor: Actor, input: { findingIds: string[] }): Promise<SentryNoteResult> {
  const row = await connectedSentry(actor.orgId);
  if (!row) throw new ServiceError("conflict", "Connect Sentry first.");
  const ids = [...new Set(input.findingIds)].slice(0, MAX_SENTRY_NOTES);
  const db = await getPrisma();
  const findings = await db.finding.findMany({
    where: { id: { in: ids }, organizationId: actor.orgId },
    select: { id: true, title: true, severity: true, fix: true, rule: true, pillar: true, subject: true, organization: { select: { slug: true } }, integrationLinks: { where: { integrationId: row.id }, select: { externalId: true } } },
  });
  if (findings.length !== ids.length) throw new ServiceError("not_found", "One or more findings do not exist in this organization.");
  const { ctx } = integrationContext(row);
  const sctx = ctx as ProviderContext<SentryConfig>;
  const out: SentryNoteResult = { noted: 0, alreadyNoted: 0, unmatched: 0 };
  const issues = new Map<string, SentryIssueRef | null>();
  try {
    for (const f of findings) {
      if (f.integrationLinks[0]?.externalId) {
        out.alreadyNoted++;
        continue;
      }
      const directives = f.pillar === "security" ? cspDirectivesFor(f.rule, cspFindingKey(f)) : null;
      if (!directives) {
        out.unmatched++;
        continue;
      }
      const key = directives === "all" ? "all" : directives.join(",");
      if (!issues.has(key)) issues.set(key, await findSentryCspIssue(sctx, directives));
      const issue = issues.get(key);
      if (!issue) {
        out.unmatched++;
        continue;
      }
      const text = noteText(f, f.organization.slug);
      await addSentryIssueNote(sctx, issue.id, text);
      await db.integrationLink.upsert({
        where: { integrationId_findingId: { integrationId: row.id, findingId: f.id } },
        create: { organizationId: actor.orgId, integrationId: row.id, findingId: f.id, provider: "sentry", externalId: issue.id, url: issue.url, state: "open", draftHash: createHash("sha256").update(text).digest("hex"), lastSyncedAt: new Date() },
        update: { externalId: issue.id, url: issue.url, state: "open", lastSyncedAt: new Date(), lastError: null },
      });
      out.noted++;
    }
  } catch (err) {
    if (err instanceof ProviderError) providerFailure(err);
    throw err;
  }
  await recordAuditEvent(db, actor, { action: "integration.sentry_note", targetType: "integration", targetId: row.id, metadata: { findings: ids.length, ...out } });
  return out;
}
