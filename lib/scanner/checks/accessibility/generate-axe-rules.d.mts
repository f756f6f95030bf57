import type { AxeRuleMeta } from "./axe-rule-meta";

export declare const WCAG_TAGS: string[];
export declare function currentRules(): AxeRuleMeta[];
