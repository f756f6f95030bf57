import type { CheckDefinition } from "../../types";
import { trackerChecks } from "./checks";
import { probableTracker } from "./probable-tracker";

export const checks: CheckDefinition[] = [...trackerChecks, probableTracker];
