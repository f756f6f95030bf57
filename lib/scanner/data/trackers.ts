// Plumb's tracker database (trackers.json, MIT — see README.md here): validated once at load, then indexed
// for host-suffix lookups and first-party cookie-name lookups.
import { z } from "zod";
import raw from "./trackers.json";

export const TRACKER_CATEGORIES = [
  "analytics",
  "advertising",
  "session_replay",
  "social",
  "tag_manager",
  "fingerprinting",
  "marketing",
  "customer_interaction",
  "ab_testing",
] as const;
export type TrackerCategory = (typeof TRACKER_CATEGORIES)[number];

const hostSchema = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, "lower-case host name");

export const trackerSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case id"),
  name: z.string().min(1),
  company: z.string().min(1),
  category: z.enum(TRACKER_CATEGORIES),
  privacyUrl: z.url({ protocol: /^https$/ }),
  hosts: z.array(hostSchema).min(1),
  /** names of first-party cookies the vendor's script sets; "*" matches any run of characters */
  cookies: z.array(z.string().min(1)),
  /** sets no cookies and builds no profile (e.g. Plausible): regulators such as the CNIL can exempt it from consent */
  cookieless: z.boolean().optional(),
});
export type Tracker = z.infer<typeof trackerSchema>;

export const trackerDatabaseSchema = z.object({
  version: z.number().int(),
  trackers: z.array(trackerSchema),
});

export const TRACKER_DB: readonly Tracker[] = trackerDatabaseSchema.parse(raw).trackers;

const byHost = new Map<string, Tracker>();
for (const t of TRACKER_DB) for (const h of t.hosts) byHost.set(h, t);

/** The tracker a host belongs to: the longest listed suffix wins (ads.linkedin.com before linkedin.com). */
export function trackerForHost(host: string): Tracker | undefined {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const hit = byHost.get(labels.slice(i).join("."));
    if (hit) return hit;
  }
  return undefined;
}

export function trackerForUrl(url: string): Tracker | undefined {
  try {
    return trackerForHost(new URL(url).hostname);
  } catch {
    return undefined;
  }
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`);
}

const cookiePatterns: { re: RegExp; tracker: Tracker }[] = TRACKER_DB.flatMap((t) =>
  t.cookies.map((c) => ({ re: globToRegExp(c), tracker: t })),
);

/** The tracker whose script sets a first-party cookie of this name (_ga -> Google Analytics). */
export function trackerForCookieName(name: string): Tracker | undefined {
  return cookiePatterns.find((p) => p.re.test(name))?.tracker;
}

const NO_CONSENT_CATEGORIES: TrackerCategory[] = ["tag_manager", "customer_interaction", "fingerprinting"];

/**
 * Whether loading this tracker normally needs the visitor's prior consent (ePrivacy/GDPR reading): not for
 * tag managers alone, on-demand chat widgets, fraud-prevention fingerprinting (needs disclosure instead) or
 * cookieless audience measurement.
 */
export function needsConsent(t: Tracker): boolean {
  return !NO_CONSENT_CATEGORIES.includes(t.category) && !t.cookieless;
}

export const CATEGORY_LABELS: Record<TrackerCategory, string> = {
  analytics: "analytics",
  advertising: "advertising",
  session_replay: "session recording",
  social: "social media",
  tag_manager: "tag manager",
  fingerprinting: "device fingerprinting",
  marketing: "marketing automation",
  customer_interaction: "customer chat / survey",
  ab_testing: "A/B testing",
};
