import type { CheckDefinition } from "../../types";
import { trackerChecks } from "./checks";

export const checks: CheckDefinition[] = [...trackerChecks];
