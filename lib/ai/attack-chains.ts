// Known ways findings combine into something worse than each alone. Each chain needs one rule from every
// group in `requires`; the rule-based analysis reports the chains whose groups are all present.
import type { AttackChain } from "./analysis-schema";

export interface KnownChain {
  id: string;
  title: string;
  severity: AttackChain["severity"];
  requires: string[][];
  narrative: string;
}

export const KNOWN_CHAINS: readonly KnownChain[] = [
  {
    id: "repository-and-secrets",
    title: "Source code and credentials can be downloaded",
    severity: "critical",
    requires: [["git-config-exposed", "source-map-public"], ["exposed-secret", "env-file-exposed"]],
    narrative:
      "The site's source (its Git repository or source maps) is public and credentials are exposed too. An attacker reads the code to learn how the site works, " +
      "then uses the leaked keys to reach the systems behind it — databases, payment or mail accounts — without breaking anything.",
  },
  {
    id: "env-and-secret",
    title: "Configuration file and keys in the browser",
    severity: "critical",
    requires: [["env-file-exposed"], ["exposed-secret"]],
    narrative:
      "The server hands out its environment file and its pages carry secret keys. Either alone is enough to take over connected services; together they " +
      "usually expose every credential the site has.",
  },
  {
    id: "xss-session-theft",
    title: "Injected script can steal sign-in sessions",
    severity: "high",
    requires: [["csp-missing", "csp-unsafe-inline", "csp-wildcard-source"], ["cookie-missing-httponly"]],
    narrative:
      "Without a strict Content-Security-Policy, any script injection runs freely, and session cookies readable by JavaScript let that script copy a " +
      "visitor's session and act as them.",
  },
  {
    id: "network-interception",
    title: "Traffic and credentials can be read on the network",
    severity: "high",
    requires: [["plain-http", "hsts-missing", "mixed-content", "tls-weak-protocol"], ["cookie-missing-secure", "password-form-insecure"]],
    narrative:
      "Part of the traffic can travel unencrypted (no HTTPS enforcement) and cookies or passwords are not restricted to encrypted connections. On a shared " +
      "network (café Wi-Fi) an attacker can read or alter them.",
  },
  {
    id: "third-party-takeover",
    title: "A compromised third-party script would run unchecked",
    severity: "high",
    requires: [["sri-missing"], ["csp-missing", "csp-wildcard-source", "csp-unsafe-inline"]],
    narrative:
      "Scripts from other hosts load without integrity checks and no policy limits what scripts may do. If that provider is hacked, its code runs on every " +
      "page with full access to what visitors type.",
  },
  {
    id: "cross-site-requests",
    title: "Other sites can act on behalf of signed-in visitors",
    severity: "medium",
    requires: [["cookie-samesite-missing", "cors-permissive"], ["clickjacking-protection-missing", "cors-permissive"]],
    narrative:
      "Cookies are sent on cross-site requests and pages can be framed or read by other origins. A malicious page can trick a signed-in visitor into " +
      "actions, or read their data.",
  },
  {
    id: "recording-without-consent",
    title: "Visitors are recorded without their consent",
    severity: "high",
    requires: [["tracker-session-replay", "session-recording", "key-logging"], ["consent-missing", "tracking-before-consent", "cookie-before-consent"]],
    narrative:
      "Session-recording or keystroke capture runs before visitors agree to it. Form inputs and browsing are sent to a third party, which is both a data leak " +
      "and a likely breach of consent rules (GDPR, ePrivacy).",
  },
  {
    id: "fingerprinting-without-consent",
    title: "Visitors are fingerprinted without consent",
    severity: "medium",
    requires: [["canvas-fingerprinting", "browser-fingerprinting", "tracker-fingerprinting", "fingerprinting-script"], ["consent-missing", "tracking-before-consent"]],
    narrative:
      "Device fingerprinting identifies visitors even when they refuse cookies, and it starts without consent. Regulators treat this like tracking cookies.",
  },
];

/** The chains whose every group has at least one of the given rules. */
export function matchChains(rules: ReadonlySet<string>): { chain: KnownChain; rules: string[] }[] {
  const out: { chain: KnownChain; rules: string[] }[] = [];
  for (const chain of KNOWN_CHAINS) {
    const hits = chain.requires.map((group) => group.filter((r) => rules.has(r)));
    if (hits.every((h) => h.length > 0)) out.push({ chain, rules: [...new Set(hits.flat())] });
  }
  return out;
}
