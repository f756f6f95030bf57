import type { CheckDefinition } from "../../types";
import { cookieChecks } from "./checks";

export const checks: CheckDefinition[] = [...cookieChecks];
