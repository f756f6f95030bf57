// SARIF 2.1.0: one rule per distinct rule id, one result per finding, partialFingerprints for matching
// across runs (GitHub code scanning, DefectDojo, etc.). Used by `plumb scan --sarif` (a ScanResult) and by
// report exports (lib/reports: the report model's findings), so both speak one format.
//
// What GitHub code scanning needs beyond the schema: `security-severity` only on security rules (it turns any
// rule carrying it into a "security" alert), a `helpUri` per rule pointing at real documentation (the app's
// /rules/<id> page when a base URL is known), and file locations: a scan sees URLs, so an optional route→file
// map (with a source root) turns page URLs into repository paths.
import { pathToFileURL } from "node:url";
import path from "node:path";
import type { Pillar, ScanResult, Severity } from "../types";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const TOOL_VERSION = "0.1.0";
const SRCROOT = "SRCROOT";

type SarifLevel = "error" | "warning" | "note" | "none";

export function sarifLevel(s: Severity): SarifLevel {
  return s === "critical" || s === "high" ? "error" : s === "medium" ? "warning" : "note";
}

/** GitHub's security-severity property: a CVSS-like number (only on security rules). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "7.5", medium: "5.0", low: "3.0", info: "0.0" };

/** The fields SARIF needs of a finding: a scanner Finding has them, and report findings are adapted to them. */
export interface SarifFinding {
  pillar: Pillar;
  rule: string;
  severity: Severity;
  title: string;
  description: string;
  fix: string;
  fingerprint: string;
  urls: string[];
  selector?: string | null;
  evidence?: string | null;
}

export interface SarifInput {
  target: string;
  started_at: string;
  finished_at: string;
  scores: Partial<Record<Pillar, number>>;
  grade: string | null;
  security_grade?: string | null;
  findings: SarifFinding[];
}

/** A route pattern (`/`, `/blog/:slug`, `/docs/*`) and the source file that serves it, relative to the source root. */
export interface RouteFileMapping {
  route: string;
  file: string;
}

export interface SarifOptions {
  /** the app's public URL: rule help links go to `<base>/rules/<id>` */
  rulesBaseUrl?: string;
  /** the repository root the mapped files are relative to (becomes originalUriBaseIds.SRCROOT) */
  sourceRoot?: string;
  /** route → file map; a URL whose path matches points at the file instead of the URL */
  routes?: RouteFileMapping[];
}

function routeRegex(route: string): RegExp {
  const parts = route.replace(/\/+$/, "").split("/").filter(Boolean).map((seg) => {
    if (seg === "*") return "(?:/.*)?";
    if (seg.startsWith(":") || /^\[.+\]$/.test(seg)) return "/[^/]+";
    return `/${seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
  });
  return new RegExp(`^${parts.join("") || ""}/?$`);
}

/** The file a page URL maps to, or null. Exact routes win over patterns (listed order breaks ties). */
export function mapUrlToFile(url: string, routes: readonly RouteFileMapping[]): string | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const exact = routes.find((r) => r.route.replace(/\/+$/, "") === pathname.replace(/\/+$/, ""));
  if (exact) return exact.file;
  return routes.find((r) => routeRegex(r.route).test(pathname))?.file ?? null;
}

function fileUri(file: string): string {
  return file.replace(/\\/g, "/").replace(/^\.?\/+/, "").split("/").map(encodeURIComponent).join("/");
}

function ruleHelpUri(base: string | undefined, rule: string): string | undefined {
  return base ? `${base.replace(/\/+$/, "")}/rules/${encodeURIComponent(rule)}` : undefined;
}

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: Record<string, unknown>[] } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    results: Record<string, unknown>[];
    invocations: { executionSuccessful: boolean; startTimeUtc: string; endTimeUtc: string }[];
    properties: Record<string, unknown>;
  }[];
}

export function toSarif(result: SarifInput | Pick<ScanResult, "target" | "findings" | "started_at" | "finished_at" | "scores" | "grade" | "security_grade">, opts: SarifOptions = {}): SarifLog {
  const rules: Record<string, unknown>[] = [];
  const ruleIndex = new Map<string, number>();
  const routes = opts.routes ?? [];
  const findings: SarifFinding[] = result.findings;
  for (const f of findings) {
    if (ruleIndex.has(f.rule)) continue;
    ruleIndex.set(f.rule, rules.length);
    const helpUri = ruleHelpUri(opts.rulesBaseUrl, f.rule);
    // Tags must be unique (the schema says so); GitHub filters on "security".
    const properties: Record<string, unknown> = { tags: [f.pillar, "plumb"], pillar: f.pillar };
    // GitHub treats any rule with security-severity as a security alert: only Plumb's security pillar gets it.
    if (f.pillar === "security") properties["security-severity"] = SECURITY_SEVERITY[f.severity];
    rules.push({
      id: f.rule,
      name: f.rule.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: f.title },
      fullDescription: { text: f.description || f.title },
      help: { text: f.fix || f.title, markdown: f.fix || f.title },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: sarifLevel(f.severity) },
      properties,
    });
  }
  const results = findings.map((f) => {
    const locations = f.urls.slice(0, 50).map((u) => {
      const file = routes.length ? mapUrlToFile(u, routes) : null;
      // A relative URI reference: each path segment percent-encoded ([slug] → %5Bslug%5D), as the schema requires.
      const artifactLocation: Record<string, unknown> = file ? { uri: fileUri(file), ...(opts.sourceRoot ? { uriBaseId: SRCROOT } : {}) } : { uri: u };
      const loc: Record<string, unknown> = { physicalLocation: { artifactLocation } };
      const logical: Record<string, unknown>[] = [];
      if (file) logical.push({ fullyQualifiedName: u, kind: "resource" });
      if (f.selector) logical.push({ fullyQualifiedName: f.selector, kind: "element" });
      if (logical.length) loc.logicalLocations = logical;
      return loc;
    });
    const r: Record<string, unknown> = {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule),
      level: sarifLevel(f.severity),
      message: { text: `${f.title}${f.urls.length > 1 ? ` (${f.urls.length} URLs)` : ""}: ${f.description}`.slice(0, 4_000) },
      locations,
      // v2: findings are grouped by subject since the one-finding-per-root-cause change (README, Changelog).
      partialFingerprints: { "plumbFingerprint/v2": f.fingerprint },
      properties: { severity: f.severity, pillar: f.pillar, urls: f.urls.slice(0, 50) },
    };
    if (f.evidence) (r.properties as Record<string, unknown>).evidence = f.evidence;
    return r;
  });
  const base = opts.rulesBaseUrl?.replace(/\/+$/, "");
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "Plumb", version: TOOL_VERSION, ...(base ? { informationUri: `${base}/rules` } : {}), rules } },
        ...(opts.sourceRoot && routes.length ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(`${path.resolve(/*turbopackIgnore: true*/ opts.sourceRoot)}/`).href } } } : {}),
        results,
        invocations: [{ executionSuccessful: true, startTimeUtc: result.started_at, endTimeUtc: result.finished_at }],
        properties: { target: result.target, scores: result.scores, grade: result.grade, security_grade: result.security_grade ?? null },
      },
    ],
  };
}

export function renderSarif(result: Parameters<typeof toSarif>[0], opts: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(result, opts), null, 2)}\n`;
}
