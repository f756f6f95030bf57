// Before and after consent, per page: what the page did before any choice, and what only the choice added
// (after "Accept", after "Reject"). Pure: built from the pages' consent variants (gather/consent.ts).
import type { ConsentSnapshot, ConsentVariant, PageArtifacts, ScanConsentPage, ScanConsentReport } from "./types";

/** What `after` has that `before` had not: cookies by (name, domain), hosts by name. */
export function addedSince(variant: Pick<ConsentVariant, "before" | "after">): ConsentSnapshot {
  const cookieKeys = new Set(variant.before.cookies.map((c) => `${c.name}\u0000${c.domain}`));
  const hostKeys = new Set(variant.before.hosts.map((h) => h.host));
  return {
    cookies: variant.after.cookies.filter((c) => !cookieKeys.has(`${c.name}\u0000${c.domain}`)),
    hosts: variant.after.hosts.filter((h) => !hostKeys.has(h.host)),
  };
}

export function consentPage(page: PageArtifacts): ScanConsentPage | null {
  const c = page.consent;
  if (!c || (!c.accept && !c.reject)) return null;
  const base = c.accept ?? c.reject!;
  const out: ScanConsentPage = {
    url: page.url,
    cmp: c.accept?.cmp ?? c.reject?.cmp ?? null,
    before: base.before,
    accept: c.accept
      ? { done: c.accept.done, ...(c.accept.via ? { via: c.accept.via } : {}), ...(c.accept.error ? { error: c.accept.error } : {}), added: addedSince(c.accept) }
      : null,
    reject: c.reject
      ? { done: c.reject.done, offered: c.reject.popupFound, ...(c.reject.error ? { error: c.reject.error } : {}), added: addedSince(c.reject) }
      : null,
  };
  return out;
}

export function consentReport(pages: PageArtifacts[], ms: number): ScanConsentReport {
  return { pages: pages.flatMap((p) => consentPage(p) ?? []), ms };
}
