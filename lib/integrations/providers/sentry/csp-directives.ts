// Which CSP violation reports speak to which of Plumb's CSP findings: a report names the directive the browser
// enforced (`effective-directive`); a finding about script sources is ranked by script-src violations, one
// about object-src/base-uri by those, a missing policy by all of them.
const SCRIPT = ["script-src", "script-src-elem", "script-src-attr", "default-src"];

export function cspDirectivesFor(rule: string, key?: string | null): string[] | "all" | null {
  switch (rule) {
    case "csp-missing":
      return "all";
    case "csp-unsafe-inline":
    case "csp-unsafe-eval":
    case "csp-wildcard-source":
      return SCRIPT;
    case "csp-missing-directive":
      return key === "base-uri" ? ["base-uri"] : key === "object-src" ? ["object-src", "default-src"] : ["object-src", "base-uri", "default-src"];
    default:
      return null;
  }
}
