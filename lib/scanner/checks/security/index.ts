import type { CheckDefinition } from "../../types";
import { corsPermissive, sriMissing } from "./cors-sri";
import { cspChecks } from "./csp";
import { exposedFileChecks } from "./exposed-files";
import { headerChecks } from "./headers";
import { exposedSecret } from "./secrets";
import { transportChecks } from "./transport";

export const checks: CheckDefinition[] = [
  ...transportChecks,
  ...cspChecks,
  ...headerChecks,
  corsPermissive,
  exposedSecret,
  ...exposedFileChecks,
  sriMissing,
];
