// `plumb scan <url> [--pillars a,b] [--pages N] [--json|--sarif|--md] [--pdf FILE] [--csv FILE] [--fail-on SEVERITY] [crawl options]`
// Exit codes: 0 ok; 1 findings at/above --fail-on; 2 error (bad arguments, unreachable target, no browser).
// The CLI runs on the user's own machine, so private/loopback targets are allowed.
import fs from "node:fs";
import { z } from "zod";
import { reportModelFromScanResult } from "@/lib/reports/from-scan-result";
import { renderReport } from "@/lib/reports/render";
import { cookieNameSchema, cookieValueSchema, headerNameSchema, headerValueSchema, loginScriptSchema, toLoginScript } from "@/lib/scanner/auth/login-script";
import { ScanError, scanSite } from "@/lib/scanner";
import { MAX_CRAWL_PATTERNS, isValidCrawlPattern } from "@/lib/scanner/crawl/patterns";
import { renderJson } from "@/lib/scanner/output/json";
import { renderSecurityFixMarkdown } from "@/lib/scanner/output/markdown";
import { renderSarif, type RouteFileMapping } from "@/lib/scanner/output/sarif";
import { DEVICES, parseDeviceList, type DeviceName } from "@/lib/scanner/devices";
import { PILLARS, SEVERITIES, type LoginScript, type Pillar, type ScanResult, type Severity } from "@/lib/scanner/types";
import { evaluateCliGates, loadPolicyFile, PolicyFileError, type CliGate } from "./scan-policy";
import { renderConsentHuman } from "./consent-summary";

export const SCAN_USAGE = `Usage: plumb scan <url> [options]

Options:
  --pillars a,b      only these pillars (${PILLARS.join(", ")})
  --pages N          crawl at most N pages (default 10)
  --devices a,b      load pages as these devices (${DEVICES.join(", ")}; default mobile). Every check runs on
                     the first; each further device reloads the pages for the device-dependent checks
  --json             print the JSON report
  --sarif            print SARIF 2.1.0
  --md               print SECURITY-FIX.md
  --pdf FILE         also write the PDF report to FILE
  --csv FILE         also write the findings as CSV (one row per instance) to FILE
  --paper SIZE       PDF paper: a4 (default) or letter
  --source-root DIR  SARIF: repository root the --route-map files are relative to
  --route-map FILE   SARIF: JSON [{"route": "/blog/:slug", "file": "app/blog/[slug]/page.tsx"}, …] so page
                     URLs point at source files
  --rules-url URL    SARIF/PDF: your Plumb's URL; rule help links go to URL/rules/<id>
  --fail-on SEV      exit 1 when a finding at or above SEV exists (${SEVERITIES.join(", ")})
  --policy FILE      exit 1 when a quality gate in FILE fails (JSON: { "kind": "gate", "rules":
                     { "max_severity": "medium", "min_score": 80 } }, a list of them, or the bare rules)
  --concurrency N    parallel tabs (default 4)
  --respect-robots   skip pages robots.txt disallows (default: audit them, listed as blocked by robots.txt)
  --include PATTERN  crawl only paths matching PATTERN (robots.txt syntax: /blog/, /*.html$); repeatable
  --exclude PATTERN  never crawl paths matching PATTERN; repeatable
  --max-depth N      follow links at most N clicks from the start page (sitemap entries count as 1)
  --header "N: v"    send this request header to the site (never to third parties); repeatable
  --cookie name=val  send this cookie to the site; repeatable
  --login-script F   sign in first with the login script in JSON file F (see the README); logout links are skipped
  --consent          also load each page accepting and rejecting its consent banner, and report what changed
                     (off by default: up to two extra loads per page)
  --quiet            no progress on stderr
  -h, --help         this help

Exit codes: 0 ok, 1 findings at or above --fail-on or a failed gate, 2 error.`;

const argsSchema = z.object({
  url: z.string().min(1, "missing <url>"),
  pillars: z.array(z.enum(PILLARS)).optional(),
  pages: z.number().int().min(1).max(500).optional(),
  devices: z.array(z.enum(DEVICES)).min(1).optional(),
  format: z.enum(["human", "json", "sarif", "md"]),
  failOn: z.enum(SEVERITIES).optional(),
  policy: z.string().min(1).optional(),
  concurrency: z.number().int().min(1).max(16).optional(),
  quiet: z.boolean(),
  pdf: z.string().min(1).optional(),
  csv: z.string().min(1).optional(),
  paper: z.enum(["a4", "letter"]).default("a4"),
  sourceRoot: z.string().min(1).optional(),
  routeMap: z.string().min(1).optional(),
  rulesUrl: z.url().refine((u) => /^https?:/.test(u), "must be an http(s) URL").optional(),
  respectRobots: z.boolean(),
  include: z.array(z.string().refine(isValidCrawlPattern, "a path pattern starting with / or * (at most 200 characters)")).max(MAX_CRAWL_PATTERNS).optional(),
  exclude: z.array(z.string().refine(isValidCrawlPattern, "a path pattern starting with / or * (at most 200 characters)")).max(MAX_CRAWL_PATTERNS).optional(),
  maxDepth: z.number().int().min(0).max(100).optional(),
  headers: z.array(z.object({ name: headerNameSchema, value: headerValueSchema })).max(20).optional(),
  cookies: z.array(z.object({ name: cookieNameSchema, value: cookieValueSchema })).max(50).optional(),
  loginScript: z.string().min(1).optional(),
  consent: z.boolean(),
});
type ScanArgs = z.infer<typeof argsSchema>;

class UsageError extends Error {}

export function parseScanArgs(argv: string[]): ScanArgs | "help" {
  const raw: Record<string, unknown> = { format: "human", quiet: false, respectRobots: false, consent: false };
  const include: string[] = [];
  const exclude: string[] = [];
  const headers: { name: string; value: string }[] = [];
  const cookies: { name: string; value: string }[] = [];
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
      case "--devices": {
        const parsed = parseDeviceList(value());
        if ("error" in parsed) throw new UsageError(parsed.error);
        raw.devices = parsed.devices;
        break;
      }
      case "--concurrency":
        raw.concurrency = Number(value());
        break;
      case "--fail-on":
        raw.failOn = value().toLowerCase();
        break;
      case "--pdf":
        raw.pdf = value();
        break;
      case "--csv":
        raw.csv = value();
        break;
      case "--paper":
        raw.paper = value().toLowerCase();
        break;
      case "--source-root":
        raw.sourceRoot = value();
        break;
      case "--route-map":
        raw.routeMap = value();
        break;
      case "--rules-url":
        raw.rulesUrl = value();
        break;
      case "--policy":
        raw.policy = value();
        break;
      case "--quiet":
      case "-q":
        raw.quiet = true;
        break;
      case "--respect-robots":
        raw.respectRobots = true;
        break;
      case "--consent":
        raw.consent = true;
        break;
      case "--include":
        include.push(value());
        break;
      case "--exclude":
        exclude.push(value());
        break;
      case "--max-depth":
        raw.maxDepth = Number(value());
        break;
      case "--header": {
        const v = value();
        const i = v.indexOf(":");
        if (i < 1) throw new UsageError(`--header needs "Name: value" (got ${JSON.stringify(v.slice(0, 60))})`);
        headers.push({ name: v.slice(0, i).trim(), value: v.slice(i + 1).trim() });
        break;
      }
      case "--cookie": {
        const v = value();
        const i = v.indexOf("=");
        if (i < 1) throw new UsageError(`--cookie needs name=value`);
        cookies.push({ name: v.slice(0, i).trim(), value: v.slice(i + 1).trim() });
        break;
      }
      case "--login-script":
        raw.loginScript = value();
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
  if (include.length) raw.include = include;
  if (headers.length) raw.headers = headers;
  if (cookies.length) raw.cookies = cookies;
  if (exclude.length) raw.exclude = exclude;
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
  const blocked = result.pages.filter((pg) => pg.robots_blocked);
  if (blocked.length) {
    lines.push(`Blocked by robots.txt (audited anyway; --respect-robots skips them): ${blocked.length}`);
    for (const p of blocked.slice(0, 10)) lines.push(`  ~ ${term(p.url)}`);
    if (blocked.length > 10) lines.push(`  …and ${blocked.length - 10} more`);
  }
  const skippedByRobots = (result.skipped_pages ?? []).filter((s) => s.reason === "disallowed by robots.txt").length;
  if (skippedByRobots) lines.push(`Skipped (disallowed by robots.txt): ${skippedByRobots}`);
  if (result.consent) lines.push(...renderConsentHuman(result.consent, term));
  lines.push("");
  if (result.devices?.length) lines.push(`Devices: ${result.devices.join(", ")}${result.devices.length > 1 ? ` (every check on ${result.devices[0]}; ${result.devices.slice(1).join(", ")} for the device-dependent ones)` : ""}`);
  lines.push(`Overall grade: ${result.grade} (score ${result.score})${result.security_grade ? `   Security grade: ${result.security_grade}` : ""}`);
  lines.push("");
  for (const pillar of PILLARS) {
    const s = result.scores[pillar as Pillar];
    if (s === undefined) continue;
    const bar = "#".repeat(Math.round(s / 5)).padEnd(20, ".");
    lines.push(`  ${pillar.padEnd(14)} ${String(s).padStart(3)}  ${bar}`);
    if (pillar === "performance" && result.device_scores) {
      for (const d of result.devices ?? []) {
        const ds = result.device_scores[d];
        if (ds !== undefined) lines.push(`    ${d.padEnd(12)} ${String(ds).padStart(3)}`);
      }
    }
  }
  lines.push("");
  const counts = SEVERITIES.map((sev) => [sev, result.findings.filter((f) => f.severity === sev).length] as const).filter(([, n]) => n > 0);
  lines.push(`Findings: ${result.findings.length}${counts.length ? ` (${counts.map(([s, n]) => `${n} ${s}`).join(", ")})` : ""}`);
  for (const f of result.findings.slice(0, 15)) {
    const where = f.urls.length > 1 ? `${f.urls.length} pages` : term(f.url);
    const on = f.devices?.length ? ` [${f.devices.join(", ")}]` : "";
    lines.push(`  [${f.severity.toUpperCase().padEnd(8)}] ${f.pillar}/${f.rule}: ${term(f.title)} — ${where}${on}`);
  }
  if (result.findings.length > 15) lines.push(`  …and ${result.findings.length - 15} more (use --json, --sarif or --md for all)`);
  const errored = result.checks.filter((c) => c.outcome === "error");
  if (errored.length) lines.push("", `Checks that errored (${errored.length}): ${errored.map((c) => c.rule).join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** The --login-script file: JSON in the API's shape (lib/scanner/auth/login-script.ts), validated. */
export function readLoginScript(file: string): LoginScript {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new Error(`cannot read --login-script ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`--login-script ${file} is not JSON`);
  }
  const parsed = loginScriptSchema.safeParse(json);
  // Never echo values: the file holds a password.
  if (!parsed.success) throw new Error(`--login-script ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "file"}: ${i.message}`).join("; ")}`);
  return toLoginScript(parsed.data);
}

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo: CliIo = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
};

/**
 * A bare host gets https:// (lib/scanner/crawl/discover.ts); when the TLS handshake fails with a protocol
 * error the server most likely speaks plain HTTP on that port (a local dev server): say which command works.
 */
export function httpHint(typed: string, message: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(typed.trim())) return null;
  if (!/EPROTO|ERR_SSL|SSL routines|wrong version number|packet length too long|protocol error|ECONNRESET/i.test(message)) return null;
  return `The site did not answer over HTTPS. If it serves plain HTTP, try: plumb scan http://${typed.trim()}`;
}

const routeMapSchema = z.array(z.object({ route: z.string().min(1).max(500), file: z.string().min(1).max(1000) })).max(10_000);

function readRouteMap(file: string): RouteFileMapping[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new UsageError(`--route-map ${file}: ${(err as Error).message}`);
  }
  const parsed = routeMapSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--route-map ${file}: expected [{"route": "/path/:param", "file": "src/…"}, …]`);
  return parsed.data;
}

/** --pdf / --csv: the same report model and renderers as the server's exports, from the in-memory result. */
async function writeReportFiles(result: ScanResult, args: ScanArgs, io: CliIo): Promise<void> {
  const model = reportModelFromScanResult(result);
  if (args.csv) {
    const file = await renderReport(model, "csv");
    fs.writeFileSync(args.csv, file.bytes);
    if (!args.quiet) io.stderr(`wrote ${args.csv} (${file.bytes.length} bytes)\n`);
  }
  if (args.pdf) {
    const file = await renderReport(model, "pdf", { rulesBaseUrl: args.rulesUrl, pdf: { paper: args.paper } });
    fs.writeFileSync(args.pdf, file.bytes);
    if (!args.quiet) io.stderr(`wrote ${args.pdf} (${file.bytes.length} bytes)\n`);
  }
}

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
  // Read before the scan, so a bad map fails in a second, not after a long scan.
  let routes: RouteFileMapping[] | undefined;
  try {
    routes = args.routeMap ? readRouteMap(args.routeMap) : undefined;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`plumb scan: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  // The policy file is read before the scan: a typo should not cost a full crawl.
  let gates: CliGate[] = [];
  if (args.policy) {
    try {
      const loaded = loadPolicyFile(args.policy);
      gates = loaded.gates;
      if (loaded.skipped > 0 && !args.quiet) io.stderr(`plumb scan: ${loaded.skipped} automation or disabled polic${loaded.skipped === 1 ? "y" : "ies"} in ${args.policy} skipped\n`);
    } catch (err) {
      if (err instanceof PolicyFileError) {
        io.stderr(`plumb scan: ${err.message}\n`);
        return 2;
      }
      throw err;
    }
  }
  let login: LoginScript | undefined;
  if (args.loginScript) {
    try {
      login = readLoginScript(args.loginScript);
    } catch (err) {
      io.stderr(`plumb scan: ${term((err as Error).message)}\n`);
      return 2;
    }
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
      devices: args.devices as DeviceName[] | undefined,
      concurrency: args.concurrency,
      respectRobots: args.respectRobots,
      consent: args.consent,
      include: args.include,
      exclude: args.exclude,
      maxDepth: args.maxDepth,
      headers: args.headers ? Object.fromEntries(args.headers.map((h) => [h.name, h.value])) : undefined,
      cookies: args.cookies,
      login,
      allowPrivate: true,
      signal: controller.signal,
      onProgress: quiet
        ? undefined
        : (p) => {
            if (p.phase === "gather" && p.url) io.stderr(`[${p.pagesDone}/${p.pagesTotal}] ${term(p.url)}\n`);
            else if (p.phase !== "gather") io.stderr(`${p.phase}…\n`);
          },
    });
    if (args.pdf || args.csv) await writeReportFiles(result, args, io);
    if (args.format === "json") io.stdout(renderJson(result));
    else if (args.format === "sarif") io.stdout(renderSarif(result, { rulesBaseUrl: args.rulesUrl, sourceRoot: args.sourceRoot, routes }));
    else if (args.format === "md")
      io.stdout(renderSecurityFixMarkdown(result.findings, { target: result.target, grade: result.grade, security_grade: result.security_grade, generated_at: result.finished_at }));
    else io.stdout(renderHuman(result));
    let gateFailed = false;
    for (const gate of evaluateCliGates(gates, result)) {
      // Gate verdicts go to stderr so --json/--sarif output on stdout stays machine-readable.
      if (gate.passed) io.stderr(`Policy "${term(gate.name)}": passed\n`);
      else {
        gateFailed = true;
        io.stderr(`Policy "${term(gate.name)}": FAILED — ${gate.reasons.map(term).join("; ")}\n`);
      }
    }
    return failsThreshold(result, args.failOn) || gateFailed ? 1 : 0;
  } catch (err) {
    const message = err instanceof ScanError ? err.message : `unexpected error: ${(err as Error)?.stack ?? String(err)}`;
    io.stderr(`plumb scan: ${term(message)}\n`);
    const hint = err instanceof ScanError ? httpHint(args.url, message) : null;
    if (hint) io.stderr(`${term(hint)}\n`);
    return 2;
  } finally {
    process.off("SIGINT", onSigint);
  }
}
