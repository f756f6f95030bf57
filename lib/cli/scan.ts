// `plumb scan <url> [--pillars a,b] [--pages N] [--json|--sarif|--md] [--fail-on SEVERITY]`
// Exit codes: 0 ok; 1 findings at/above --fail-on; 2 error (bad arguments, unreachable target, no browser).
// The CLI runs on the user's own machine, so private/loopback targets are allowed.
import { z } from "zod";
import { ScanError, scanSite } from "@/lib/scanner";
import { renderJson } from "@/lib/scanner/output/json";
import { renderSecurityFixMarkdown } from "@/lib/scanner/output/markdown";
import { renderSarif } from "@/lib/scanner/output/sarif";
import { PILLARS, SEVERITIES, type Pillar, type ScanResult, type Severity } from "@/lib/scanner/types";

export const SCAN_USAGE = `Usage: plumb scan <url> [options]

Options:
  --pillars a,b      only these pillars (${PILLARS.join(", ")})
  --pages N          crawl at most N pages (default 10)
  --json             print the JSON report
  --sarif            print SARIF 2.1.0
  --md               print SECURITY-FIX.md
  --fail-on SEV      exit 1 when a finding at or above SEV exists (${SEVERITIES.join(", ")})
  --concurrency N    parallel tabs (default 4)
  --quiet            no progress on stderr
  -h, --help         this help

Exit codes: 0 ok, 1 findings at or above --fail-on, 2 error.`;

const argsSchema = z.object({
  url: z.string().min(1, "missing <url>"),
  pillars: z.array(z.enum(PILLARS)).optional(),
  pages: z.number().int().min(1).max(500).optional(),
  format: z.enum(["human", "json", "sarif", "md"]),
  failOn: z.enum(SEVERITIES).optional(),
  concurrency: z.number().int().min(1).max(16).optional(),
  quiet: z.boolean(),
});
type ScanArgs = z.infer<typeof argsSchema>;

class UsageError extends Error {}

export function parseScanArgs(argv: string[]): ScanArgs | "help" {
  const raw: Record<string, unknown> = { format: "human", quiet: false };
  const formats: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "-h":
      case "--help":
        return "help";
      case "--json":
      case "--sarif":
      case "--md":
        formats.push(flag.slice(2));
        break;
      case "--pillars":
        raw.pillars = value().split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
        break;
      case "--pages":
        raw.pages = Number(value());
        break;
      case "--concurrency":
        raw.concurrency = Number(value());
        break;
      case "--fail-on":
        raw.failOn = value().toLowerCase();
        break;
      case "--quiet":
      case "-q":
        raw.quiet = true;
        break;
      default:
        if (flag.startsWith("-")) throw new UsageError(`unknown option ${flag}`);
        positional.push(arg);
    }
  }
  if (formats.length > 1) throw new UsageError(`choose one of --json, --sarif, --md (got ${formats.map((f) => `--${f}`).join(" ")})`);
  if (formats[0]) raw.format = formats[0];
  if (positional.length > 1) throw new UsageError(`expected one <url>, got ${positional.length}`);
  raw.url = positional[0] ?? "";
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `${i.path.join(".") || "argument"}: ${i.message}`).join("; "));
  }
  return parsed.data;
}

const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

export function failsThreshold(result: Pick<ScanResult, "findings">, failOn: Severity | undefined): boolean {
  if (!failOn) return false;
  return result.findings.some((f) => RANK[f.severity] <= RANK[failOn]);
}

/** Terminal output must not let a hostile site inject escape sequences. */
function term(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "?");
}

export function renderHuman(result: ScanResult): string {
  const lines: string[] = [];
  const loaded = result.pages.filter((p) => p.status !== null).length;
  lines.push(`Plumb scan of ${term(result.target)}`);
  lines.push(`Pages: ${loaded}/${result.pages.length} loaded in ${((result.timings.totalMs ?? 0) / 1000).toFixed(1)} s`);
  for (const p of result.pages.filter((pg) => pg.status === null)) lines.push(`  ! ${term(p.url)}: ${term(p.error ?? "failed")}`);
  lines.push("");
  lines.push(`Overall grade: ${result.grade} (score ${result.score})${result.security_grade ? `   Security grade: ${result.security_grade}` : ""}`);
  lines.push("");
  for (const pillar of PILLARS) {
    const s = result.scores[pillar as Pillar];
    if (s === undefined) continue;
    const bar = "#".repeat(Math.round(s / 5)).padEnd(20, ".");
    lines.push(`  ${pillar.padEnd(14)} ${String(s).padStart(3)}  ${bar}`);
  }
  lines.push("");
  const counts = SEVERITIES.map((sev) => [sev, result.findings.filter((f) => f.severity === sev).length] as const).filter(([, n]) => n > 0);
  lines.push(`Findings: ${result.findings.length}${counts.length ? ` (${counts.map(([s, n]) => `${n} ${s}`).join(", ")})` : ""}`);
  for (const f of result.findings.slice(0, 15)) {
    const where = f.urls.length > 1 ? `${f.urls.length} pages` : term(f.url);
    lines.push(`  [${f.severity.toUpperCase().padEnd(8)}] ${f.pillar}/${f.rule}: ${term(f.title)} — ${where}`);
  }
  if (result.findings.length > 15) lines.push(`  …and ${result.findings.length - 15} more (use --json, --sarif or --md for all)`);
  const errored = result.checks.filter((c) => c.outcome === "error");
  if (errored.length) lines.push("", `Checks that errored (${errored.length}): ${errored.map((c) => c.rule).join(", ")}`);
  return `${lines.join("\n")}\n`;
}

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo: CliIo = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
};

export async function runScanCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let args: ScanArgs | "help";
  try {
    args = parseScanArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`plumb scan: ${err.message}\n\n${SCAN_USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (args === "help") {
    io.stdout(`${SCAN_USAGE}\n`);
    return 0;
  }
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const quiet = args.quiet;
  try {
    const result = await scanSite({
      url: args.url,
      pillars: args.pillars as Pillar[] | undefined,
      maxPages: args.pages,
      concurrency: args.concurrency,
      allowPrivate: true,
      signal: controller.signal,
      onProgress: quiet
        ? undefined
        : (p) => {
            if (p.phase === "gather" && p.url) io.stderr(`[${p.pagesDone}/${p.pagesTotal}] ${term(p.url)}\n`);
            else if (p.phase !== "gather") io.stderr(`${p.phase}…\n`);
          },
    });
    if (args.format === "json") io.stdout(renderJson(result));
    else if (args.format === "sarif") io.stdout(renderSarif(result));
    else if (args.format === "md")
      io.stdout(renderSecurityFixMarkdown(result.findings, { target: result.target, grade: result.grade, security_grade: result.security_grade, generated_at: result.finished_at }));
    else io.stdout(renderHuman(result));
    return failsThreshold(result, args.failOn) ? 1 : 0;
  } catch (err) {
    const message = err instanceof ScanError ? err.message : `unexpected error: ${(err as Error)?.stack ?? String(err)}`;
    io.stderr(`plumb scan: ${term(message)}\n`);
    return 2;
  } finally {
    process.off("SIGINT", onSigint);
  }
}
