// "Fix in Cloudflare": for each security rule a Cloudflare zone setting can fix, where to click (dashboard path)
// and, for HSTS and plain HTTP, the one-click fix Plumb can apply itself when the token may edit zone settings.
import type { CloudflareFix, ZoneSecurity } from "./zone-security";

export interface CloudflareInstruction {
  rule: string;
  /** What to change, in the Cloudflare dashboard's words. */
  steps: string;
  oneClick?: CloudflareFix;
  /** Whether the zone's current settings already cover it (then the finding is from the origin or a cache). */
  alreadySet: (z: ZoneSecurity) => boolean;
}

const EDGE = "SSL/TLS → Edge Certificates";
const HEADERS = "Rules → Transform Rules → Modify Response Header (or Managed Transforms → Add security headers)";

export const CLOUDFLARE_INSTRUCTIONS: readonly CloudflareInstruction[] = [
  { rule: "plain-http", steps: `${EDGE} → Always Use HTTPS: On.`, oneClick: "always_use_https", alreadySet: (z) => z.alwaysUseHttps === true },
  { rule: "mixed-content", steps: `${EDGE} → Automatic HTTPS Rewrites: On.`, alreadySet: (z) => z.automaticHttpsRewrites === true },
  { rule: "password-form-insecure", steps: `${EDGE} → Always Use HTTPS: On.`, oneClick: "always_use_https", alreadySet: (z) => z.alwaysUseHttps === true },
  { rule: "hsts-missing", steps: `${EDGE} → HTTP Strict Transport Security (HSTS) → Enable, Max-Age 12 months, include subdomains.`, oneClick: "hsts", alreadySet: (z) => z.hsts?.enabled === true && z.hsts.maxAge > 0 },
  { rule: "hsts-weak", steps: `${EDGE} → HTTP Strict Transport Security (HSTS) → Max-Age 12 months (6 at least), include subdomains.`, oneClick: "hsts", alreadySet: (z) => z.hsts?.enabled === true && z.hsts.maxAge >= 15_552_000 },
  { rule: "tls-weak-protocol", steps: `${EDGE} → Minimum TLS Version: TLS 1.2.`, alreadySet: (z) => z.minTlsVersion === "1.2" || z.minTlsVersion === "1.3" },
  { rule: "tls-certificate-invalid", steps: "SSL/TLS → Overview → encryption mode Full (strict), with a valid origin certificate (SSL/TLS → Origin Server).", alreadySet: (z) => z.sslMode === "strict" },
  { rule: "tls-certificate-expiring", steps: `${EDGE}: check the edge certificate's expiry; Universal SSL renews it when the zone's DNS is proxied.`, alreadySet: () => false },
  { rule: "x-content-type-options-missing", steps: `${EDGE} → HSTS → No-Sniff header: On (or ${HEADERS}).`, alreadySet: (z) => z.hsts?.nosniff === true },
  { rule: "clickjacking-protection-missing", steps: `${HEADERS}: set X-Frame-Options: SAMEORIGIN.`, alreadySet: () => false },
  { rule: "referrer-policy-missing", steps: `${HEADERS}: set Referrer-Policy: strict-origin-when-cross-origin.`, alreadySet: () => false },
  { rule: "referrer-policy-unsafe", steps: `${HEADERS}: set Referrer-Policy: strict-origin-when-cross-origin.`, alreadySet: () => false },
  { rule: "permissions-policy-missing", steps: `${HEADERS}: set a Permissions-Policy header.`, alreadySet: () => false },
  { rule: "csp-missing", steps: "Rules → Transform Rules → Modify Response Header: set Content-Security-Policy (test with Content-Security-Policy-Report-Only first).", alreadySet: () => false },
  { rule: "server-version-disclosure", steps: "Rules → Transform Rules → Modify Response Header: remove the Server / X-Powered-By header the origin sends.", alreadySet: () => false },
  { rule: "git-config-exposed", steps: "Security → WAF → Custom rules: block requests whose URI path starts with /.git.", alreadySet: () => false },
  { rule: "env-file-exposed", steps: "Security → WAF → Custom rules: block requests whose URI path ends with .env.", alreadySet: () => false },
  { rule: "source-map-public", steps: "Security → WAF → Custom rules: block requests whose URI path ends with .map (or stop deploying source maps).", alreadySet: () => false },
];

export function cloudflareInstructionFor(rule: string): CloudflareInstruction | undefined {
  return CLOUDFLARE_INSTRUCTIONS.find((i) => i.rule === rule);
}
