// Performance pillar: lab metrics of each page load plus the diagnostics that explain them.
import type { CheckDefinition } from "../../types";
import { cachePolicy } from "./cache-policy";
import { oversizedImages, unsizedImages } from "./images";
import { metricChecks } from "./metrics";
import { unminifiedCode } from "./minification";
import { bytesByType, pageWeight, redirectChain, requestCount } from "./page-weight";
import { renderBlockingCss, renderBlockingScripts } from "./render-blocking";
import { textCompression } from "./text-compression";

export const checks: CheckDefinition[] = [
  ...metricChecks,
  pageWeight,
  bytesByType,
  requestCount,
  redirectChain,
  renderBlockingScripts,
  renderBlockingCss,
  textCompression,
  unminifiedCode,
  cachePolicy,
  oversizedImages,
  unsizedImages,
];
