// SARIF 2.1.0: one rule per distinct rule id, one result per finding, partialFingerprints for matching
// across runs (GitHub code scanning, DefectDojo, etc.). URLs are the locations.
import type { Finding, ScanResult, Severity } from "../types";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const TOOL_VERSION = "0.1.0";

type SarifLevel = "error" | "warning" | "note" | "none";

export function sarifLevel(s: Severity): SarifLevel {
  return s === "critical" || s === "high" ? "error" : s === "medium" ? "warning" : "note";
}

/** GitHub's security-severity property: a CVSS-like number. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "7.5", medium: "5.0", low: "3.0", info: "0.0" };

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] } };
    results: Record<string, unknown>[];
    invocations: { executionSuccessful: boolean; startTimeUtc: string; endTimeUtc: string }[];
    properties: Record<string, unknown>;
  }[];
}

export function toSarif(result: Pick<ScanResult, "target" | "findings" | "started_at" | "finished_at" | "scores" | "grade" | "security_grade">): SarifLog {
  const rules: Record<string, unknown>[] = [];
  const ruleIndex = new Map<string, number>();
  for (const f of result.findings) {
    if (ruleIndex.has(f.rule)) continue;
    ruleIndex.set(f.rule, rules.length);
    rules.push({
      id: f.rule,
      name: f.rule.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: f.title },
      fullDescription: { text: f.description || f.title },
      help: { text: f.fix || f.title, markdown: f.fix || f.title },
      defaultConfiguration: { level: sarifLevel(f.severity) },
      properties: { tags: [f.pillar, "plumb"], pillar: f.pillar, "security-severity": SECURITY_SEVERITY[f.severity] },
    });
  }
  const results = result.findings.map((f: Finding) => {
    const r: Record<string, unknown> = {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule),
      level: sarifLevel(f.severity),
      message: { text: `${f.title}${f.urls.length > 1 ? ` (${f.urls.length} URLs)` : ""}: ${f.description}`.slice(0, 4_000) },
      locations: f.urls.slice(0, 50).map((u) => {
        const loc: Record<string, unknown> = { physicalLocation: { artifactLocation: { uri: u } } };
        if (f.selector) loc.logicalLocations = [{ fullyQualifiedName: f.selector, kind: "element" }];
        return loc;
      }),
      partialFingerprints: { "plumbFingerprint/v1": f.fingerprint },
      properties: { severity: f.severity, pillar: f.pillar },
    };
    if (f.evidence) (r.properties as Record<string, unknown>).evidence = f.evidence;
    return r;
  });
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "Plumb", version: TOOL_VERSION, informationUri: "https://github.com/plumb/plumb", rules } },
        results,
        invocations: [{ executionSuccessful: true, startTimeUtc: result.started_at, endTimeUtc: result.finished_at }],
        properties: { target: result.target, scores: result.scores, grade: result.grade, security_grade: result.security_grade },
      },
    ],
  };
}

export function renderSarif(result: Parameters<typeof toSarif>[0]): string {
  return `${JSON.stringify(toSarif(result), null, 2)}\n`;
}
