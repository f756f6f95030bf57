// The human summary's "Before and after consent" block (plumb scan --consent).
import type { ConsentSnapshot, ScanConsentReport } from "@/lib/scanner/types";

function thirdParties(s: ConsentSnapshot): string {
  const hosts = s.hosts.filter((h) => h.thirdParty).map((h) => h.host);
  const cookies = s.cookies.map((c) => c.name);
  const parts = [hosts.length ? `hosts ${hosts.slice(0, 6).join(", ")}${hosts.length > 6 ? ` +${hosts.length - 6}` : ""}` : "", cookies.length ? `cookies ${cookies.slice(0, 6).join(", ")}${cookies.length > 6 ? ` +${cookies.length - 6}` : ""}` : ""].filter(Boolean);
  return parts.length ? parts.join("; ") : "nothing";
}

export function renderConsentHuman(report: ScanConsentReport, term: (s: string) => string): string[] {
  const lines = ["", `Before and after consent (${(report.ms / 1000).toFixed(1)} s of extra loads):`];
  for (const p of report.pages.slice(0, 20)) {
    lines.push(`  ${term(p.url)} — ${p.cmp ? `banner: ${term(p.cmp)}` : "no consent banner found"}`);
    lines.push(`    before any choice: ${term(thirdParties(p.before))}`);
    if (p.accept && p.cmp) lines.push(`    only after Accept: ${p.accept.done ? term(thirdParties(p.accept.added)) : `not accepted (${term(p.accept.error ?? "failed")})`}`);
    if (p.reject) lines.push(`    after Reject:      ${p.reject.done ? term(thirdParties(p.reject.added)) : p.reject.offered ? `not rejected (${term(p.reject.error ?? "failed")})` : "no way to reject found"}`);
  }
  if (report.pages.length > 20) lines.push(`  …and ${report.pages.length - 20} more pages (--json lists them all)`);
  return lines;
}
