import { getPrisma, type Prisma } from "@/lib/db";
import { buildAnalysisInput } from "@/lib/ai/analysis-input";
import { requestAiAnalysis } from "@/lib/ai/openai-analysis";
import { rulesAnalysis } from "@/lib/ai/rules-analysis";
import type { Pillar } from "@/lib/scanner/types";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { getCreditBalance } from "../credits/get-balance";
import { lockOrganizationForCredits } from "../credits/lock-organization";
import { ensureMonthlyGrant } from "../credits/monthly-grant";
import { ServiceError } from "../errors";
import { getScanRowOrThrow } from "../scans/get-scan";
import { analysisSettings, type AnalysisSettings } from "./ai-settings";
import { fromRow, type ScanAnalysisResult } from "./analysis-row";

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Explains a finished scan: with OPENAI_API_KEY, a model's analysis (credits per analysis, cached per scan,
 * a daily quota per organization); without, or when the model fails, the free rule-based one. The model
 * sees only the findings' rule ids, titles, severities and counts. The charge and the stored analysis are
 * written in one transaction under the organization's credit lock, after the model answered: a failed or
 * abandoned model call costs nothing, and two concurrent calls charge once (the second finds the first's row).
 */
export async function analyzeScan(
  actor: Actor,
  input: { scanId: string; now?: Date; settings?: AnalysisSettings },
  prisma?: Prisma,
): Promise<ScanAnalysisResult> {
  const db = prisma ?? (await getPrisma());
  const settings = input.settings ?? analysisSettings();
  const now = input.now ?? new Date();
  const scan = await getScanRowOrThrow({ orgId: actor.orgId, scanId: input.scanId }, db);
  if (scan.status !== "succeeded") throw new ServiceError("conflict", "Only a finished (succeeded) scan can be analysed.");

  const stored = await db.scanAnalysis.findFirst({ where: { scanId: scan.id, organizationId: actor.orgId } });
  if (stored) return fromRow(stored, true, 0);

  const findings = await db.finding.findMany({
    where: { organizationId: actor.orgId, status: { in: ["open", "in_progress", "accepted_risk"] }, occurrences: { some: { scanId: scan.id } } },
    select: { rule: true, title: true, pillar: true, severity: true, pagesCount: true },
  });
  const aiInput = buildAnalysisInput({ grade: scan.grade, score: scan.score, pillars: scan.pillars as Pillar[], findings: findings.map((f) => ({ ...f, pillar: f.pillar as Pillar })) });
  const rules = (fallbackReason: string | null): ScanAnalysisResult => ({
    scanId: scan.id,
    source: "rules",
    model: null,
    cached: false,
    creditsCharged: 0,
    fallbackReason,
    createdAt: now,
    analysis: rulesAnalysis(aiInput),
  });
  if (!settings.ai) return rules(null);

  const since = startOfUtcDay(now);
  const today = await db.scanAnalysis.count({ where: { organizationId: actor.orgId, source: "ai", createdAt: { gte: since } } });
  if (today >= settings.dailyQuota) {
    const retryAfter = Math.ceil((since.getTime() + 86_400_000 - now.getTime()) / 1000);
    throw new ServiceError("rate_limited", `The daily quota of ${settings.dailyQuota} AI analyses is used up; it resets at midnight UTC.`, { retry_after: retryAfter });
  }
  // Refuse before spending tokens; the binding check is in the transaction below.
  await ensureMonthlyGrant({ orgId: actor.orgId, now }, db);
  const balance = await getCreditBalance(actor.orgId, db);
  if (balance < settings.cost) {
    throw new ServiceError("insufficient_credits", `An AI analysis costs ${settings.cost} credits; the balance is ${balance}.`, { cost: settings.cost, balance });
  }

  const outcome = await requestAiAnalysis(aiInput, settings.ai);
  if (!outcome.ok) return rules(`The AI analysis failed (${outcome.reason}); this is the rule-based analysis instead, free of charge.`);

  return db.$transaction(async (tx) => {
    await lockOrganizationForCredits(tx, actor.orgId);
    const raced = await tx.scanAnalysis.findFirst({ where: { scanId: scan.id, organizationId: actor.orgId } });
    if (raced) return fromRow(raced, true, 0);
    const current = await getCreditBalance(actor.orgId, tx);
    if (current < settings.cost) {
      throw new ServiceError("insufficient_credits", `An AI analysis costs ${settings.cost} credits; the balance is ${current}.`, { cost: settings.cost, balance: current });
    }
    if (settings.cost > 0) {
      await tx.creditLedger.create({ data: { organizationId: actor.orgId, amount: -settings.cost, reason: "ai_analysis", scanId: scan.id, note: "AI analysis" } });
    }
    const row = await tx.scanAnalysis.create({
      data: { organizationId: actor.orgId, scanId: scan.id, source: "ai", model: outcome.model, result: outcome.analysis, creditsCharged: settings.cost, createdAt: now },
    });
    await recordAuditEvent(tx, actor, { action: "scan.analyze", targetType: "scan", targetId: scan.id, metadata: { model: outcome.model, cost: settings.cost } });
    return fromRow(row, false, settings.cost);
  });
}

export type { ScanAnalysisResult };
