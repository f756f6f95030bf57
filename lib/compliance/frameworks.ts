// The standards a scanner rule can evidence, and how each is named in the API (`?framework=`).
export const FRAMEWORKS = ["wcag22", "asvs", "owasp-top10", "gdpr", "cwe"] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const FRAMEWORK_NAMES: Record<Framework, string> = {
  wcag22: "WCAG 2.2",
  asvs: "OWASP ASVS 4.0.3",
  "owasp-top10": "OWASP Top 10 (2021)",
  gdpr: "GDPR / ePrivacy Directive",
  cwe: "CWE",
};

export const OWASP_TOP10_2021 = {
  "A01:2021": "Broken Access Control",
  "A02:2021": "Cryptographic Failures",
  "A03:2021": "Injection",
  "A04:2021": "Insecure Design",
  "A05:2021": "Security Misconfiguration",
  "A06:2021": "Vulnerable and Outdated Components",
  "A07:2021": "Identification and Authentication Failures",
  "A08:2021": "Software and Data Integrity Failures",
  "A09:2021": "Security Logging and Monitoring Failures",
  "A10:2021": "Server-Side Request Forgery",
} as const;
export type OwaspTop10Id = keyof typeof OWASP_TOP10_2021;

/** A rule's references. Every list may be empty; `note` says why a rule evidences no standard at all. */
export interface RuleStandards {
  /** WCAG 2.2 success criteria ids ("1.4.3"); the level comes from lib/compliance/wcag22.ts */
  wcag: string[];
  /** OWASP ASVS 4.0.3 requirement ids ("V14.4.3") */
  asvs: { id: string; title: string }[];
  owaspTop10: OwaspTop10Id[];
  /** GDPR and ePrivacy Directive articles ("GDPR Art. 6(1)(a)", "ePrivacy Art. 5(3)") */
  gdpr: string[];
  /** "CWE-319" */
  cwe: { id: string; title: string }[];
  note?: string;
}
