import { defineRoute } from "@/lib/http/define-route";
import { createAuditLeadContract } from "@/lib/api/contract/public";
import { createAuditLead } from "@/lib/services/audit-leads/create-audit-lead";

export const POST = defineRoute(createAuditLeadContract, async ({ body, ip }) => {
  const lead = await createAuditLead({ ...body, ip });
  return { id: lead.id, created_at: lead.createdAt.toISOString() };
});
