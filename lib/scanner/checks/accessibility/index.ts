import type { CheckDefinition } from "../../types";

export const checks: CheckDefinition[] = [];
