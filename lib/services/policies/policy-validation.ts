import type { z } from "zod";
import type { PrismaNS } from "@/lib/db";
import { ServiceError } from "../errors";
import { isTracker } from "@/lib/integrations/provider";
import { providerOf } from "../integrations/integration-context";
import { automationRulesSchema, gateRulesSchema, type AutomationRules, type GateRules } from "./policy-rules";

export type PolicyKind = "gate" | "automation";
export type PolicyRules = GateRules | AutomationRules;

function invalid(err: z.ZodError): ServiceError {
  const issues = err.issues.map((i) => ({ path: ["rules", ...i.path.map(String)], message: i.message, code: i.code }));
  return new ServiceError("invalid_params", `rules.${issues[0].path.slice(1).join(".")}: ${issues[0].message}`, { issues });
}

/**
 * Checks a policy's rules against its kind and the organization: channels named by notify actions, the
 * integration of a sync (a connected tracker) and a task's assignee (an active member) must be the
 * organization's.
 */
export async function validatePolicyRules(
  tx: PrismaNS.TransactionClient,
  input: { orgId: string; kind: PolicyKind; rules: unknown },
): Promise<PolicyRules> {
  if (input.kind === "gate") {
    const r = gateRulesSchema.safeParse(input.rules);
    if (!r.success) throw invalid(r.error);
    return r.data;
  }
  const r = automationRulesSchema.safeParse(input.rules);
  if (!r.success) throw invalid(r.error);
  for (const [i, action] of r.data.actions.entries()) {
    if (action.type === "sync_integration") {
      const integration = await tx.integration.findFirst({ where: { id: action.integration_id, organizationId: input.orgId }, select: { provider: true, status: true, encryptedCredentials: true } });
      const problem = !integration
        ? "No such integration in this organization."
        : !isTracker(providerOf(integration.provider))
          ? "This integration does not take issues."
          : !integration.encryptedCredentials || integration.status === "disconnected"
            ? "Connect the integration first."
            : null;
      if (problem) {
        throw new ServiceError("invalid_params", `rules.actions.${i}.integration_id: ${problem}`, {
          issues: [{ path: ["rules", "actions", String(i), "integration_id"], message: problem, code: "custom" }],
        });
      }
    }
    if (action.type === "create_task" && action.assignee_id) {
      const member = await tx.membership.findFirst({ where: { organizationId: input.orgId, userId: action.assignee_id, status: "active" }, select: { id: true } });
      if (!member) {
        throw new ServiceError("invalid_params", `rules.actions.${i}.assignee_id: not a member of this organization.`, {
          issues: [{ path: ["rules", "actions", String(i), "assignee_id"], message: "Not a member of this organization.", code: "custom" }],
        });
      }
    }
    if (action.type === "notify_channel") {
      const channel = await tx.alertChannel.findFirst({ where: { id: action.channel_id, organizationId: input.orgId }, select: { id: true } });
      if (!channel) {
        throw new ServiceError("invalid_params", `rules.actions.${i}.channel_id: no such alert channel in this organization.`, {
          issues: [{ path: ["rules", "actions", String(i), "channel_id"], message: "No such alert channel.", code: "custom" }],
        });
      }
    }
  }
  const m = r.data.match;
  if (m.min_instances !== undefined && m.max_instances !== undefined && m.min_instances > m.max_instances) {
    throw new ServiceError("invalid_params", "rules.match: min_instances is greater than max_instances.", {
      issues: [{ path: ["rules", "match", "min_instances"], message: "Greater than max_instances.", code: "custom" }],
    });
  }
  return r.data;
}

export async function assertPolicyDomain(tx: PrismaNS.TransactionClient, orgId: string, domainId: string | null | undefined): Promise<void> {
  if (!domainId) return;
  const d = await tx.domain.findFirst({ where: { id: domainId, organizationId: orgId }, select: { id: true } });
  if (!d) {
    throw new ServiceError("invalid_params", "domain_id: no such domain in this organization.", {
      issues: [{ path: ["domain_id"], message: "No such domain.", code: "custom" }],
    });
  }
}
