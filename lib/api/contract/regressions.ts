import { z } from "zod";
import { defineContract } from "../define-contract";
import { paginationQuery } from "../schemas/common";
import { findingSchema } from "./findings";

export const listRegressionsContract = defineContract({
  id: "regressions.list",
  method: "GET",
  path: "/api/v1/regressions",
  summary: "List regressions",
  description:
    "Findings that had been resolved and came back in a later scan (same fingerprint), until resolved again. " +
    "`regressed_at` and `regression_count` say when and how often.",
  tags: ["findings"],
  auth: "key-or-session",
  scope: "findings:read",
  query: paginationQuery.extend({ domain_id: z.string().max(64).optional() }),
  response: { kind: "list", item: findingSchema },
});
