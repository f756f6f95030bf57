import { z } from "zod";
import { defineContract } from "../define-contract";
import { paginationQuery, timestamp } from "../schemas/common";

export const ledgerEntrySchema = z
  .object({
    id: z.string(),
    amount: z.number().int().meta({ description: "Positive: credits added; negative: credits taken." }),
    reason: z.enum(["grant", "monthly_grant", "scan_reserve", "scan_refund", "adjustment", "ai_analysis", "recheck_reserve", "recheck_refund"]),
    scan_id: z.string().nullable(),
    note: z.string().nullable(),
    period_key: z.string().nullable().meta({ description: "`monthly:YYYY-MM` on monthly free grants." }),
    created_at: timestamp,
  })
  .meta({ id: "CreditLedgerEntry" });

export const creditsSchema = z
  .object({
    balance: z.number().int().meta({ description: "Sum of the whole ledger." }),
    ledger: z.array(ledgerEntrySchema).meta({ description: "One page of the ledger, newest first." }),
    next_cursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page of the ledger; null on the last." }),
  })
  .meta({ id: "Credits" });

export const getCreditsContract = defineContract({
  id: "credits.get",
  method: "GET",
  path: "/api/v1/credits",
  summary: "Credit balance and ledger",
  description:
    "Scans cost 1 credit per pillar (a full seven-pillar scan: 7), reserved when the scan is accepted and " +
    "refunded if it fails or is canceled. Every organization receives a free monthly grant " +
    "(PLUMB_MONTHLY_FREE_CREDITS, default 100), visible in the ledger as `monthly_grant`. The ledger is " +
    "append-only; the balance is its sum.",
  tags: ["credits"],
  auth: "key-or-session",
  scope: "scans:read",
  query: paginationQuery,
  response: { kind: "json", schema: creditsSchema },
});
