// Which standards each scanner rule evidences. Accessibility rules from axe-core carry their WCAG criteria
// in axe's own tags (lib/scanner/checks/accessibility/axe-rules.ts); everything else is listed here by hand.
// test/compliance/rule-standards.test.ts fails when a rule that can fire has no entry.
import { AXE_RULES } from "@/lib/scanner/checks/accessibility/axe-rules";
import type { OwaspTop10Id, RuleStandards } from "./frameworks";

type Entry = Partial<RuleStandards>;

// ---- shared references (ASVS 4.0.3 wording shortened) ----
const V = {
  tls: { id: "V9.1.1", title: "TLS is used for all client connectivity" },
  tlsVersions: { id: "V9.1.3", title: "Only the latest recommended TLS versions are enabled" },
  csp: { id: "V14.4.3", title: "A Content-Security-Policy mitigates XSS" },
  nosniff: { id: "V14.4.4", title: "Every response carries X-Content-Type-Options: nosniff" },
  hsts: { id: "V14.4.5", title: "Strict-Transport-Security on all responses" },
  referrer: { id: "V14.4.6", title: "A suitable Referrer-Policy header is included" },
  framing: { id: "V14.4.7", title: "Content cannot be embedded in third-party sites by default" },
  versions: { id: "V14.3.3", title: "Responses do not expose version information of components" },
  cors: { id: "V14.5.3", title: "CORS Access-Control-Allow-Origin uses a strict allow list" },
  sri: { id: "V14.2.3", title: "Third-party assets are loaded with Subresource Integrity" },
  files: { id: "V12.5.1", title: "The web tier serves only expected file types (no backups, repositories or config files)" },
  secrets: { id: "V2.10.4", title: "Secrets and API keys are not in source code" },
  cookieSecure: { id: "V3.4.1", title: "Cookie-based session tokens have the Secure attribute" },
  cookieHttpOnly: { id: "V3.4.2", title: "Cookie-based session tokens have the HttpOnly attribute" },
  cookieSameSite: { id: "V3.4.3", title: "Cookie-based session tokens use the SameSite attribute" },
  sensitiveData: { id: "V8.3.4", title: "Sensitive data is identified and handled by a policy" },
};

const CWE = {
  cleartext: { id: "CWE-319", title: "Cleartext Transmission of Sensitive Information" },
  credsTransport: { id: "CWE-523", title: "Unprotected Transport of Credentials" },
  cert: { id: "CWE-295", title: "Improper Certificate Validation" },
  certExpiry: { id: "CWE-298", title: "Improper Validation of Certificate Expiration" },
  weakCrypto: { id: "CWE-327", title: "Use of a Broken or Risky Cryptographic Algorithm" },
  protection: { id: "CWE-693", title: "Protection Mechanism Failure" },
  framing: { id: "CWE-1021", title: "Improper Restriction of Rendered UI Layers or Frames" },
  exposure: { id: "CWE-200", title: "Exposure of Sensitive Information to an Unauthorized Actor" },
  systemInfo: { id: "CWE-497", title: "Exposure of Sensitive System Information to an Unauthorized Control Sphere" },
  cors: { id: "CWE-942", title: "Permissive Cross-domain Policy with Untrusted Domains" },
  hardcoded: { id: "CWE-798", title: "Use of Hard-coded Credentials" },
  vcs: { id: "CWE-527", title: "Exposure of Version-Control Repository to an Unauthorized Control Sphere" },
  publicFile: { id: "CWE-538", title: "Insertion of Sensitive Information into Externally-Accessible File or Directory" },
  sourceInfo: { id: "CWE-540", title: "Inclusion of Sensitive Information in Source Code" },
  integrity: { id: "CWE-353", title: "Missing Support for Integrity Check" },
  secureFlag: { id: "CWE-614", title: "Sensitive Cookie in HTTPS Session Without 'Secure' Attribute" },
  httpOnly: { id: "CWE-1004", title: "Sensitive Cookie Without 'HttpOnly' Flag" },
  sameSite: { id: "CWE-1275", title: "Sensitive Cookie with Improper SameSite Attribute" },
  privateInfo: { id: "CWE-359", title: "Exposure of Private Personal Information to an Unauthorized Actor" },
};

const EPRIVACY = "ePrivacy Art. 5(3)"; // storing or reading information on the visitor's device needs consent
const CONSENT = "GDPR Art. 6(1)(a)";
const CONSENT_CONDITIONS = "GDPR Art. 7";
const TRANSPARENCY = ["GDPR Art. 12", "GDPR Art. 13"];
const MINIMISATION = "GDPR Art. 5(1)(c)";
const BY_DESIGN = "GDPR Art. 25";

const top = (...ids: OwaspTop10Id[]) => ids;
const trackerEntry: Entry = { gdpr: [EPRIVACY, CONSENT, CONSENT_CONDITIONS, "GDPR Art. 13"] };
const NO_STANDARD = "Quality or performance check: it evidences no security, privacy or accessibility requirement.";

const HAND_MAPPED: Record<string, Entry> = {
  // accessibility checks Plumb makes itself
  "a11y-zoom-disabled": { wcag: ["1.4.4"] },
  "a11y-image-alt-meaningless": { wcag: ["1.1.1"] },
  "a11y-heading-order": { wcag: ["1.3.1", "2.4.6"] },
  "axe-run": { note: "axe-core could not run on a page: the accessibility criteria of that page are not tested." },

  // security
  "plain-http": { asvs: [V.tls], owaspTop10: top("A02:2021"), cwe: [CWE.cleartext] },
  "mixed-content": { asvs: [V.tls], owaspTop10: top("A02:2021"), cwe: [CWE.cleartext] },
  "password-form-insecure": { asvs: [V.tls], owaspTop10: top("A02:2021", "A07:2021"), cwe: [CWE.credsTransport] },
  "tls-certificate-invalid": { asvs: [V.tls], owaspTop10: top("A02:2021"), cwe: [CWE.cert] },
  "tls-certificate-expiring": { asvs: [V.tls], owaspTop10: top("A02:2021"), cwe: [CWE.certExpiry] },
  "tls-weak-protocol": { asvs: [V.tlsVersions], owaspTop10: top("A02:2021"), cwe: [CWE.weakCrypto] },
  "csp-missing": { asvs: [V.csp], owaspTop10: top("A05:2021", "A03:2021"), cwe: [CWE.protection] },
  "csp-unsafe-inline": { asvs: [V.csp], owaspTop10: top("A05:2021", "A03:2021"), cwe: [CWE.protection] },
  "csp-unsafe-eval": { asvs: [V.csp], owaspTop10: top("A05:2021", "A03:2021"), cwe: [CWE.protection] },
  "csp-wildcard-source": { asvs: [V.csp], owaspTop10: top("A05:2021", "A03:2021"), cwe: [CWE.protection] },
  "csp-missing-directive": { asvs: [V.csp], owaspTop10: top("A05:2021"), cwe: [CWE.protection] },
  "hsts-missing": { asvs: [V.hsts], owaspTop10: top("A05:2021", "A02:2021"), cwe: [CWE.cleartext] },
  "hsts-weak": { asvs: [V.hsts], owaspTop10: top("A05:2021"), cwe: [CWE.cleartext] },
  "clickjacking-protection-missing": { asvs: [V.framing], owaspTop10: top("A05:2021"), cwe: [CWE.framing] },
  "x-content-type-options-missing": { asvs: [V.nosniff], owaspTop10: top("A05:2021"), cwe: [CWE.protection] },
  "referrer-policy-missing": { asvs: [V.referrer], owaspTop10: top("A05:2021"), cwe: [CWE.exposure], gdpr: [MINIMISATION] },
  "referrer-policy-unsafe": { asvs: [V.referrer], owaspTop10: top("A05:2021"), cwe: [CWE.exposure], gdpr: [MINIMISATION] },
  "permissions-policy-missing": { owaspTop10: top("A05:2021"), cwe: [CWE.protection] },
  "server-version-disclosure": { asvs: [V.versions], owaspTop10: top("A05:2021", "A06:2021"), cwe: [CWE.systemInfo] },
  "cors-permissive": { asvs: [V.cors], owaspTop10: top("A05:2021", "A01:2021"), cwe: [CWE.cors] },
  "exposed-secret": { asvs: [V.secrets], owaspTop10: top("A07:2021", "A05:2021"), cwe: [CWE.hardcoded] },
  "git-config-exposed": { asvs: [V.files], owaspTop10: top("A05:2021"), cwe: [CWE.vcs] },
  "env-file-exposed": { asvs: [V.files, V.secrets], owaspTop10: top("A05:2021"), cwe: [CWE.publicFile] },
  "source-map-public": { asvs: [V.files], owaspTop10: top("A05:2021"), cwe: [CWE.sourceInfo] },
  "security-txt-missing": { note: "security.txt (RFC 9116) is a disclosure convention, not a requirement of these standards." },
  "security-txt-expired": { note: "security.txt (RFC 9116) is a disclosure convention, not a requirement of these standards." },
  "sri-missing": { asvs: [V.sri], owaspTop10: top("A08:2021"), cwe: [CWE.integrity] },

  // cookies
  "cookie-missing-secure": { asvs: [V.cookieSecure], owaspTop10: top("A05:2021", "A02:2021"), cwe: [CWE.secureFlag], gdpr: ["GDPR Art. 32"] },
  "cookie-missing-httponly": { asvs: [V.cookieHttpOnly], owaspTop10: top("A05:2021"), cwe: [CWE.httpOnly] },
  "cookie-samesite-missing": { asvs: [V.cookieSameSite], owaspTop10: top("A01:2021"), cwe: [CWE.sameSite] },
  "cookie-long-lifetime": { gdpr: [EPRIVACY, "GDPR Art. 5(1)(e)"] },
  "third-party-cookie": { gdpr: [EPRIVACY, CONSENT, CONSENT_CONDITIONS] },
  "cookie-before-consent": { gdpr: [EPRIVACY, CONSENT, CONSENT_CONDITIONS] },

  // trackers
  "tracker-session-replay": { gdpr: [EPRIVACY, CONSENT, MINIMISATION, BY_DESIGN], cwe: [CWE.privateInfo] },
  "tracker-fingerprinting": { gdpr: [EPRIVACY, CONSENT, BY_DESIGN], cwe: [CWE.privateInfo] },
  "tracker-advertising": trackerEntry,
  "tracker-social": trackerEntry,
  "tracker-marketing": trackerEntry,
  "tracker-analytics": trackerEntry,
  "tracker-ab-testing": trackerEntry,
  "tracker-customer-interaction": trackerEntry,
  "tracker-tag-manager": trackerEntry,
  "tracker-probable": { gdpr: [EPRIVACY, CONSENT, ...TRANSPARENCY], cwe: [CWE.privateInfo] },

  // privacy
  "privacy-policy-missing": { gdpr: TRANSPARENCY },
  "consent-missing": { gdpr: [EPRIVACY, CONSENT, CONSENT_CONDITIONS] },
  "tracking-before-consent": { gdpr: [EPRIVACY, CONSENT, CONSENT_CONDITIONS] },
  "tracking-despite-reject": { gdpr: [EPRIVACY, CONSENT, CONSENT_CONDITIONS] },
  "consent-reject-unavailable": { gdpr: [CONSENT_CONDITIONS, "GDPR Art. 7(3)"] },
  "canvas-fingerprinting": { gdpr: [EPRIVACY, CONSENT, BY_DESIGN], cwe: [CWE.privateInfo] },
  "browser-fingerprinting": { gdpr: [EPRIVACY, CONSENT], cwe: [CWE.privateInfo] },
  "fingerprinting-script": { gdpr: [EPRIVACY, CONSENT, BY_DESIGN], cwe: [CWE.privateInfo] },
  "key-logging": { asvs: [V.sensitiveData], gdpr: [MINIMISATION, CONSENT, BY_DESIGN], cwe: [CWE.privateInfo] },
  "session-recording": { gdpr: [EPRIVACY, CONSENT, MINIMISATION, BY_DESIGN], cwe: [CWE.privateInfo] },
  "referrer-leak": { asvs: [V.referrer], gdpr: [MINIMISATION, "GDPR Art. 32"], cwe: [CWE.exposure] },
  "gpc-unsupported": { gdpr: ["GDPR Art. 21(5)"] },

  // performance: no standard
  "perf-ttfb": { note: NO_STANDARD },
  "perf-fcp": { note: NO_STANDARD },
  "perf-lcp": { note: NO_STANDARD },
  "perf-cls": { note: NO_STANDARD },
  "perf-tbt": { note: NO_STANDARD },
  "perf-page-weight": { note: NO_STANDARD },
  "perf-bytes-by-type": { note: NO_STANDARD },
  "perf-request-count": { note: NO_STANDARD },
  "perf-redirect-chain": { note: NO_STANDARD },
  "perf-render-blocking-script": { note: NO_STANDARD },
  "perf-render-blocking-css": { note: NO_STANDARD },
  "perf-text-compression": { note: NO_STANDARD },
  "perf-unminified-code": { note: NO_STANDARD },
  "perf-cache-policy": { note: NO_STANDARD },
  "perf-oversized-images": { note: NO_STANDARD },
  "perf-unsized-images": { note: NO_STANDARD },

  // seo: a few are also accessibility criteria
  "seo-page-status": { note: NO_STANDARD },
  "seo-title-missing": { wcag: ["2.4.2"] },
  "seo-title-length": { note: NO_STANDARD },
  "seo-title-duplicate": { note: NO_STANDARD },
  "seo-meta-description-missing": { note: NO_STANDARD },
  "seo-meta-description-length": { note: NO_STANDARD },
  "seo-h1-missing": { note: NO_STANDARD },
  "seo-h1-multiple": { note: NO_STANDARD },
  "seo-canonical-missing": { note: NO_STANDARD },
  "seo-canonical-conflict": { note: NO_STANDARD },
  "seo-canonical-invalid": { note: NO_STANDARD },
  "seo-canonical-cross-origin": { note: NO_STANDARD },
  "seo-noindex": { note: NO_STANDARD },
  "seo-robots-txt-missing": { note: NO_STANDARD },
  "seo-robots-txt-invalid": { note: NO_STANDARD },
  "seo-robots-txt-blocks-all": { note: NO_STANDARD },
  "seo-sitemap-missing": { note: NO_STANDARD },
  "seo-sitemap-invalid": { note: NO_STANDARD },
  "seo-sitemap-broken-entries": { note: NO_STANDARD },
  "seo-broken-links": { wcag: ["2.4.4"], note: "A link that leads nowhere fails its purpose." },
  "seo-viewport": { wcag: ["1.4.10"] },
  "seo-tap-targets": { wcag: ["2.5.8"] },
  "seo-content-width": { wcag: ["1.4.10"] },
  "seo-html-lang": { wcag: ["3.1.1"] },
  "seo-link-text": { wcag: ["2.4.4"] },
  "seo-hreflang": { note: NO_STANDARD },
  "seo-blocked-by-robots": { note: NO_STANDARD },
};

function complete(e: Entry): RuleStandards {
  return { wcag: e.wcag ?? [], asvs: e.asvs ?? [], owaspTop10: e.owaspTop10 ?? [], gdpr: e.gdpr ?? [], cwe: e.cwe ?? [], ...(e.note ? { note: e.note } : {}) };
}

const AXE_MAPPED: Record<string, RuleStandards> = Object.fromEntries(
  AXE_RULES.map((r) => [
    `axe-${r.id}`,
    complete(r.kind === "best-practice" ? { note: "An axe-core best practice: advice beyond WCAG, not a conformance failure." } : { wcag: r.wcag }),
  ]),
);

/** Every mapped rule id -> its standards. */
export const RULE_STANDARDS: Readonly<Record<string, RuleStandards>> = {
  ...AXE_MAPPED,
  ...Object.fromEntries(Object.entries(HAND_MAPPED).map(([rule, e]) => [rule, complete(e)])),
};

/** The standards a rule evidences; null for a rule the table does not know (a test keeps that from happening). */
export function standardsForRule(rule: string): RuleStandards | null {
  return RULE_STANDARDS[rule] ?? null;
}
