// Patterns of credentials that must never reach a browser. Each is anchored on a vendor-specific prefix or
// an explicit variable name so ordinary text, hashes and publishable keys (Stripe pk_…) don't match.
import type { Severity } from "../../types";

export interface SecretPattern {
  type: string; // stable id, part of the finding key
  label: string;
  severity: Severity;
  re: RegExp; // global; capture group 1 (if any) is the secret, else the whole match
  fix: string;
}

const ROTATE = "Treat it as compromised: revoke/rotate it now, remove it from the client code and its build, and check the provider's logs for misuse.";

export const SECRET_PATTERNS: SecretPattern[] = [
  {
    type: "aws-access-key-id",
    label: "AWS access key ID",
    severity: "high",
    re: /\b((?:AKIA|ASIA)[0-9A-Z]{16})\b/g,
    fix: `${ROTATE} Browsers should get temporary, narrowly scoped credentials (Cognito identity pools, pre-signed URLs) instead of IAM user keys.`,
  },
  {
    type: "aws-secret-access-key",
    label: "AWS secret access key",
    severity: "critical",
    re: /(?:aws_?secret_?access_?key|aws_?secret_?key|secretAccessKey)["'`]?\s*[:=]\s*["'`]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    fix: `${ROTATE} Delete the IAM access key in the AWS console (IAM > Users > Security credentials) and move server-side calls behind your backend.`,
  },
  {
    type: "stripe-secret-key",
    label: "Stripe live secret key",
    severity: "critical",
    re: /\b((?:sk|rk)_live_[0-9a-zA-Z]{24,247})\b/g,
    fix: `${ROTATE} Roll the key in the Stripe dashboard (Developers > API keys). Only the publishable key (pk_live_…) belongs in the browser.`,
  },
  {
    type: "stripe-test-secret-key",
    label: "Stripe test secret key",
    severity: "low",
    re: /\b((?:sk|rk)_test_[0-9a-zA-Z]{24,247})\b/g,
    fix: "Roll the test key in the Stripe dashboard and keep secret keys server-side; only pk_test_/pk_live_ keys belong in the browser.",
  },
  {
    type: "google-api-key",
    label: "Google API key",
    severity: "low",
    re: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
    fix: "Browser keys (Maps, Firebase) are public by design, but must be restricted: in Google Cloud console > Credentials, add HTTP-referrer restrictions for your domains and limit the key to the APIs the page uses. Rotate it if it was ever unrestricted.",
  },
  {
    type: "github-token",
    label: "GitHub token",
    severity: "critical",
    re: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b/g,
    fix: `${ROTATE} Revoke it under GitHub Settings > Developer settings > Tokens (or the org's token audit).`,
  },
  {
    type: "slack-token",
    label: "Slack token",
    severity: "critical",
    re: /\b(xox[bpars]-[0-9]{6,}-[0-9A-Za-z-]{8,})\b/g,
    fix: `${ROTATE} Revoke the token in the Slack app's settings (OAuth & Permissions) and call Slack from your server.`,
  },
  {
    type: "slack-webhook",
    label: "Slack incoming webhook URL",
    severity: "high",
    re: /(https:\/\/hooks\.slack\.com\/(?:services|workflows)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,})/g,
    fix: "Anyone can post into your Slack channel with this URL. Regenerate the webhook in the Slack app settings and send messages from your server.",
  },
  {
    type: "openai-api-key",
    label: "OpenAI API key",
    severity: "critical",
    re: /\b(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|sk-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/g,
    fix: `${ROTATE} Delete the key at platform.openai.com/api-keys and proxy model calls through your backend.`,
  },
  {
    type: "anthropic-api-key",
    label: "Anthropic API key",
    severity: "critical",
    re: /\b(sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])/g,
    fix: `${ROTATE} Delete the key in the Anthropic Console (Settings > API keys) and proxy calls through your backend.`,
  },
  {
    type: "sendgrid-api-key",
    label: "SendGrid API key",
    severity: "critical",
    re: /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
    fix: `${ROTATE} Delete the key in SendGrid (Settings > API Keys); send mail from your server.`,
  },
  {
    type: "npm-token",
    label: "npm access token",
    severity: "critical",
    re: /\b(npm_[A-Za-z0-9]{36})\b/g,
    fix: `${ROTATE} Revoke it with \`npm token revoke\` or on npmjs.com > Access Tokens.`,
  },
  {
    type: "private-key",
    label: "Private key (PEM)",
    severity: "critical",
    re: /(-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----[\s\\nr]+[A-Za-z0-9+/=\s\\nr:-]{64,}?-----END \2-----)/g,
    fix: `${ROTATE} Replace the key pair (and any certificate issued for it), and remove the file from the web root and the bundle.`,
  },
  {
    type: "jwt",
    label: "JSON Web Token",
    severity: "low",
    re: /\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])/g,
    fix: "Check what the token grants. A public anon key (e.g. Supabase anon) is fine; a user session or service token embedded in the page source is not — issue it at runtime to the right user only, and revoke/rotate the signing secret if it is a long-lived service token.",
  },
];

/** Placeholders and documentation examples that match a pattern but are not real credentials. */
export function looksLikePlaceholder(secret: string): boolean {
  if (/EXAMPLE|example|XXXXXXXX|xxxxxxxx|your[_-]?(api[_-]?)?key|REDACTED|redacted|0{12,}|1234567890abcdef/i.test(secret)) return true;
  if (/(.)\1{7,}/.test(secret)) return true; // aaaaaaaa…
  const distinct = new Set(secret.replace(/^[a-z]+[_-]/i, "")).size;
  return distinct < 8;
}

/** A JWT's payload decoded, or null. Used to tell a public anon key from a service-role key. */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
