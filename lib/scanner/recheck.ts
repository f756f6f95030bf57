// One rule over a few pages: the engine half of a finding's re-check. Loads the given pages once (only the
// in-page steps the rule's pillar needs: axe for accessibility, the typing probe for privacy), runs that single
// check and groups its results into findings exactly like a scan does, so a re-check and a scan agree on
// fingerprints. The site probes (robots.txt, sitemaps, link checks, /.env …) are gathered only when the check
// reads them: it first runs against site artifacts that refuse to be read, and on the first read the probes
// are gathered and the check runs again. Pure engine: no database.
import { allChecks } from "./checks";
import { CONSENT_LOAD_RULES } from "./checks/privacy/consent-choice";
import { ScanError } from "./crawl/discover";
import { dedupe } from "./dedupe";
import { gatherSite } from "./gather/site";
import { gatherArtifacts } from "./index";
import { runChecks } from "./run-checks";
import type { CheckOutcome, Finding, ScanOptions, SiteArtifacts } from "./types";

export interface RecheckRuleResult {
  rule: string;
  /** pass / fail / n/a over the loaded pages, or error when the check threw */
  outcome: CheckOutcome["outcome"];
  error?: string;
  /** the rule's findings on these pages (empty when it passed) */
  findings: Finding[];
  /** each requested page: loaded (HTTP status) or not (status null, with the reason) */
  pages: { url: string; finalUrl: string; status: number | null; error?: string }[];
  /** whether the site probes had to be gathered for this rule */
  siteProbes: boolean;
  timings: Record<string, number>;
}

const NEEDS_SITE = "plumb:recheck-needs-site-probes";

/** Site artifacts whose every field but the origin throws: tells whether a check reads the probes. */
function refusingSite(site: SiteArtifacts): SiteArtifacts {
  return new Proxy(site, {
    get(target, prop, receiver) {
      if (prop === "origin" || typeof prop === "symbol") return Reflect.get(target, prop, receiver);
      throw new Error(NEEDS_SITE);
    },
  });
}

export function findCheck(rule: string) {
  return allChecks.find((c) => c.rule === rule);
}

export async function recheckRule(opts: Omit<ScanOptions, "pillars" | "maxPages">, rule: string, urls: string[]): Promise<RecheckRuleResult> {
  const def = findCheck(rule);
  if (!def) throw new ScanError(`Unknown rule ${rule}`, "invalid_url");
  const t0 = Date.now();
  const unique = [...new Set(urls)];
  // A consent rule without the consent loads would not apply, and "not applicable" must not pass for fixed.
  const consent = opts.consent || CONSENT_LOAD_RULES.has(rule);
  const { artifacts, timings } = await gatherArtifacts({ ...opts, consent, pillars: [def.pillar], maxPages: unique.length }, unique, undefined, { siteProbes: false });
  const checkTimeoutMs = opts.checkTimeoutMs ?? 5_000;
  let t = Date.now();
  let { results, outcomes } = runChecks({ site: refusingSite(artifacts.site), pages: artifacts.pages }, [def], { checkTimeoutMs, signal: opts.signal });
  let siteProbes = false;
  if (outcomes[0]?.outcome === "error" && outcomes[0].error?.includes(NEEDS_SITE)) {
    siteProbes = true;
    const loaded = artifacts.pages.filter((p) => p.status !== null);
    const ts = Date.now();
    const site = await gatherSite(artifacts.site.origin, loaded, { allowPrivate: opts.allowPrivate ?? false, allowedPrivateOrigins: opts.allowedPrivateOrigins, signal: opts.signal });
    timings.siteProbesMs = Date.now() - ts;
    t = Date.now();
    ({ results, outcomes } = runChecks({ site, pages: artifacts.pages }, [def], { checkTimeoutMs, signal: opts.signal }));
  }
  timings.checksMs = Date.now() - t;
  timings.totalMs = Date.now() - t0;
  const outcome = outcomes[0] ?? { outcome: "error" as const, error: "the check did not run" };
  return {
    rule,
    outcome: outcome.outcome,
    ...(outcome.error ? { error: outcome.error } : {}),
    findings: outcome.outcome === "error" ? [] : dedupe(results, opts.url),
    pages: artifacts.pages.map((p) => ({ url: p.url, finalUrl: p.finalUrl, status: p.status, ...(p.status === null && p.errors[0] ? { error: p.errors[0] } : {}) })),
    siteProbes,
    timings,
  };
}
