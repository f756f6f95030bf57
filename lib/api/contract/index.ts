import type { RouteContract } from "../define-contract";
import * as alertChannels from "./alert-channels";
import * as analysis from "./analysis";
import * as apiKeys from "./api-keys";
import * as auditEvents from "./audit-events";
import * as branding from "./branding";
import * as collaboration from "./collaboration";
import * as compliance from "./compliance";
import * as credits from "./credits";
import * as domains from "./domains";
import * as findings from "./findings";
import * as integrations from "./integrations";
import * as members from "./members";
import * as overview from "./overview";
import * as policies from "./policies";
import * as publicRoutes from "./public";
import * as regressions from "./regressions";
import * as reportSchedules from "./report-schedules";
import * as reports from "./reports";
import * as scanSettings from "./scan-settings";
import * as scans from "./scans";
import * as shareLinks from "./share-links";
import * as tasks from "./tasks";
import * as thirdParties from "./third-parties";
import * as verifications from "./verifications";

// Every /api/v1 contract, for the OpenAPI document. Add one line per contract file (lib/http/define-route.ts
// explains the pattern); test/api/openapi.test.ts fails when a route file's contract is missing here.
const modules: Record<string, unknown>[] = [
  alertChannels,
  analysis,
  apiKeys,
  auditEvents,
  branding,
  collaboration,
  compliance,
  credits,
  domains,
  findings,
  integrations,
  members,
  overview,
  policies,
  regressions,
  reports,
  reportSchedules,
  scanSettings,
  scans,
  shareLinks,
  tasks,
  thirdParties,
  verifications,
  publicRoutes,
];

function isContract(v: unknown): v is RouteContract {
  return typeof v === "object" && v !== null && "id" in v && "method" in v && "path" in v && "response" in v && "auth" in v;
}

export const allContracts: readonly RouteContract[] = modules.flatMap((m) => Object.values(m).filter(isContract));
