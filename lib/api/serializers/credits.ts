import type { z } from "zod";
import type { CreditLedger } from "@/generated/prisma/client";
import type { ledgerEntrySchema } from "@/lib/api/contract/credits";

export function serializeLedgerEntry(e: CreditLedger): z.input<typeof ledgerEntrySchema> {
  return {
    id: e.id,
    amount: e.amount,
    reason: e.reason,
    scan_id: e.scanId,
    note: e.note,
    period_key: e.periodKey,
    created_at: e.createdAt.toISOString(),
  };
}
