// SEO pillar: on-page tags, indexability, crawl files (robots.txt, sitemaps) and link health.
import type { CheckDefinition } from "../../types";
import { brokenLinks } from "./broken-links";
import { canonicalConflict, canonicalCrossOrigin, canonicalInvalid, canonicalMissing } from "./canonical";
import { h1Missing, h1Multiple } from "./headings";
import { hreflang } from "./hreflang";
import { linkText } from "./link-text";
import { metaDescriptionLength, metaDescriptionMissing } from "./meta-description";
import { noindex } from "./noindex";
import { pageStatus } from "./page-status";
import { blockedByRobots } from "./robots-blocked";
import { robotsTxtBlocksAll, robotsTxtInvalid, robotsTxtMissing } from "./robots-txt";
import { sitemapBrokenEntries, sitemapInvalid, sitemapMissing } from "./sitemap";
import { titleDuplicate, titleLength, titleMissing } from "./title";
import { htmlLang, viewport } from "./viewport-lang";
import { contentWidth, tapTargets } from "./device-layout";

export const checks: CheckDefinition[] = [
  pageStatus,
  titleMissing,
  titleLength,
  titleDuplicate,
  metaDescriptionMissing,
  metaDescriptionLength,
  h1Missing,
  h1Multiple,
  canonicalMissing,
  canonicalConflict,
  canonicalInvalid,
  canonicalCrossOrigin,
  noindex,
  robotsTxtMissing,
  robotsTxtInvalid,
  robotsTxtBlocksAll,
  blockedByRobots,
  sitemapMissing,
  sitemapInvalid,
  sitemapBrokenEntries,
  brokenLinks,
  viewport,
  tapTargets,
  contentWidth,
  htmlLang,
  linkText,
  hreflang,
];
