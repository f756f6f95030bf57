import { z } from "zod";
import { PILLARS, SEVERITIES, type ScanProgress } from "@/lib/scanner/types";

/** Caps: the live state is rewritten on every page, so it stays small whatever the site returns. */
export const LIVE_FINDINGS_MAX = 200;
const LIVE_TEXT_MAX = 300;

export const liveFindingSchema = z.object({
  pillar: z.enum(PILLARS),
  rule: z.string().max(LIVE_TEXT_MAX),
  severity: z.enum(SEVERITIES),
  title: z.string().max(LIVE_TEXT_MAX),
  /** pages it was seen on so far */
  pages: z.number().int().min(0),
});

export const liveStateSchema = z.object({
  /** URLs being loaded right now */
  loading: z.array(z.string().max(2_000)).max(20),
  findings: z.array(liveFindingSchema).max(LIVE_FINDINGS_MAX),
});

export type LiveFinding = z.infer<typeof liveFindingSchema>;
export type LiveState = z.infer<typeof liveStateSchema>;

export function emptyLiveState(): LiveState {
  return { loading: [], findings: [] };
}

/** A stored `Scan.live` read back; anything malformed counts as empty. */
export function parseLiveState(value: unknown): LiveState {
  const r = liveStateSchema.safeParse(value);
  return r.success ? r.data : emptyLiveState();
}

/**
 * Folds one engine progress event into the live state: a page starting joins `loading`; a page ending leaves it
 * and adds its preview findings (one entry per rule and title, counting pages). Pure; returns a new state.
 */
export function applyProgress(state: LiveState, p: ScanProgress): LiveState {
  if (p.phase !== "gather" || !p.url) return state;
  const url = p.url.slice(0, 2_000);
  if (p.event === "start") {
    if (state.loading.includes(url)) return state;
    return { ...state, loading: [...state.loading, url].slice(-20) };
  }
  if (p.event !== "end") return state;
  const findings = state.findings.map((f) => ({ ...f }));
  for (const pf of p.pageFindings ?? []) {
    const title = pf.title.slice(0, LIVE_TEXT_MAX);
    const rule = pf.rule.slice(0, LIVE_TEXT_MAX);
    const existing = findings.find((f) => f.rule === rule && f.title === title);
    if (existing) existing.pages += 1;
    else if (findings.length < LIVE_FINDINGS_MAX) findings.push({ pillar: pf.pillar, rule, severity: pf.severity, title, pages: 1 });
  }
  return { loading: state.loading.filter((u) => u !== url), findings };
}
