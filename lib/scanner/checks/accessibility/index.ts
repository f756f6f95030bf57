// Accessibility pillar: the WCAG 2.0/2.1/2.2 A+AA axe rules (one definition each, "axe-<axe id>"), the
// axe-run health check, and a few checks axe does not make.
import type { CheckDefinition } from "../../types";
import { axeChecks, axeRunCheck } from "./axe-checks";
import { headingOrder } from "./heading-order";
import { imageAltQuality } from "./image-alt-quality";
import { zoomDisabled } from "./zoom-disabled";

export const checks: CheckDefinition[] = [...axeChecks, axeRunCheck, zoomDisabled, imageAltQuality, headingOrder];
