import type { RouteContract } from "../define-contract";
import * as apiKeys from "./api-keys";
import * as credits from "./credits";
import * as domains from "./domains";
import * as findings from "./findings";
import * as publicRoutes from "./public";
import * as regressions from "./regressions";
import * as scans from "./scans";

// Every /api/v1 contract, for the OpenAPI document. Add one line per contract file (lib/http/define-route.ts
// explains the pattern); test/api/openapi.test.ts fails when a route file's contract is missing here.
const modules: Record<string, unknown>[] = [apiKeys, domains, scans, findings, regressions, credits, publicRoutes];

function isContract(v: unknown): v is RouteContract {
  return typeof v === "object" && v !== null && "id" in v && "method" in v && "path" in v && "response" in v && "auth" in v;
}

export const allContracts: readonly RouteContract[] = modules.flatMap((m) => Object.values(m).filter(isContract));
