import type { Policy } from "@/generated/prisma/client";
import type { PrismaNS } from "@/lib/db";

/** What the audit log keeps of a policy before and after a change. */
export function policySnapshot(p: Policy): PrismaNS.InputJsonObject {
  return {
    name: p.name,
    kind: p.kind,
    enabled: p.enabled,
    position: p.position,
    domain_id: p.domainId,
    description: p.description,
    rules: p.rules as PrismaNS.InputJsonValue,
  };
}
