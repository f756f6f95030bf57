import type { CreditLedger } from "@/generated/prisma/client";

export interface LedgerEntryJson {
  id: string;
  amount: number;
  reason: "grant" | "monthly_grant" | "scan_reserve" | "scan_refund" | "adjustment";
  scan_id: string | null;
  note: string | null;
  period_key: string | null;
  created_at: string;
}

export function presentLedgerEntry(e: CreditLedger): LedgerEntryJson {
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
