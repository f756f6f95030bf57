// The before/after-consent report stored on a scan (Scan.consentReport): capped when written, validated
// with zod when read back (the JSON came from a scanned site and lives in the database).
import { z } from "zod";
import type { ScanConsentReport } from "@/lib/scanner/types";

const MAX_PAGES = 200;
const MAX_ITEMS = 200;

const snapshotSchema = z.object({
  cookies: z.array(z.object({ name: z.string().max(200), domain: z.string().max(253), thirdParty: z.boolean() })).max(MAX_ITEMS),
  hosts: z.array(z.object({ host: z.string().max(253), thirdParty: z.boolean(), requests: z.number().int().min(0) })).max(MAX_ITEMS),
});

export const consentReportSchema = z.object({
  pages: z
    .array(
      z.object({
        url: z.string().max(4_096),
        cmp: z.string().max(200).nullable(),
        before: snapshotSchema,
        accept: z.object({ done: z.boolean(), via: z.string().max(40).optional(), error: z.string().max(500).optional(), added: snapshotSchema }).nullable(),
        reject: z.object({ done: z.boolean(), offered: z.boolean(), error: z.string().max(500).optional(), added: snapshotSchema }).nullable(),
      }),
    )
    .max(MAX_PAGES),
  ms: z.number().min(0),
});

export type StoredConsentReport = z.infer<typeof consentReportSchema>;

function capSnapshot<T extends { cookies: unknown[]; hosts: unknown[] }>(s: T): T {
  return { ...s, cookies: s.cookies.slice(0, MAX_ITEMS), hosts: s.hosts.slice(0, MAX_ITEMS) };
}

/** What is stored: at most 200 pages, 200 cookies and hosts per list, error texts cut. */
export function capConsentReport(report: ScanConsentReport): StoredConsentReport {
  return {
    ms: report.ms,
    pages: report.pages.slice(0, MAX_PAGES).map((p) => ({
      url: p.url.slice(0, 4_096),
      cmp: p.cmp?.slice(0, 200) ?? null,
      before: capSnapshot(p.before),
      accept: p.accept ? { ...p.accept, ...(p.accept.error ? { error: p.accept.error.slice(0, 500) } : {}), added: capSnapshot(p.accept.added) } : null,
      reject: p.reject ? { ...p.reject, ...(p.reject.error ? { error: p.reject.error.slice(0, 500) } : {}), added: capSnapshot(p.reject.added) } : null,
    })),
  };
}

/** The stored report, or null when absent or not in the expected shape. */
export function readConsentReport(value: unknown): StoredConsentReport | null {
  if (value === null || value === undefined) return null;
  const parsed = consentReportSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
