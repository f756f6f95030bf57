import type { Pillar } from "@/generated/prisma/enums";

export interface PillarInfo {
  id: Pillar;
  label: string;
  summary: string;
}

/** The seven pillars in display order, with the one-line explanation used across the UI. */
export const PILLARS: readonly PillarInfo[] = [
  { id: "accessibility", label: "Accessibility", summary: "WCAG 2.x A and AA issues found by axe-core: contrast, form labels, alt text, link and button names, page language." },
  { id: "security", label: "Security", summary: "HTTPS, security headers, exposed files and source maps, graded like Mozilla Observatory." },
  { id: "cookies", label: "Cookies", summary: "Every cookie set, first or third party, with its flags and lifetime." },
  { id: "trackers", label: "Trackers", summary: "Analytics, ad and session-replay scripts, and what they load before consent." },
  { id: "privacy", label: "Privacy", summary: "Fingerprinting probes, key listeners, data leaving the page, privacy-policy basics." },
  { id: "performance", label: "Performance", summary: "Core Web Vitals (LCP, CLS, TBT), page weight and slow requests." },
  { id: "seo", label: "SEO", summary: "Titles, descriptions, headings, canonical links, robots.txt and sitemaps." },
];

export const PILLAR_LABELS = Object.fromEntries(PILLARS.map((p) => [p.id, p.label])) as Record<Pillar, string>;
