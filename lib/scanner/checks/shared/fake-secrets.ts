// Credential-shaped strings for tests and fixtures, built at run time so no token-shaped literal is
// committed (secret scanners would flag the repository). Deterministic: same seed, same string.
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_NUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export function fakeChars(length: number, seed = 1, alphabet = ALNUM): string {
  let x = (Math.imul(seed, 0x9e3779b1) ^ 0x2545f491) >>> 0 || 1;
  let out = "";
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

function b64url(s: string): string {
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fakeJwt(payload: Record<string, unknown>, seed = 9): string {
  return `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(JSON.stringify(payload))}.${fakeChars(43, seed)}`;
}

/** One example of each secret type the exposed-secret check knows. */
export function fakeSecrets(): Record<string, string> {
  return {
    AWS_KEY_ID: `${"AKIA"}${fakeChars(16, 2, UPPER_NUM)}`,
    AWS_SECRET: fakeChars(40, 3),
    STRIPE_SECRET: `${"sk_"}live_${fakeChars(24, 4)}`,
    STRIPE_PUBLISHABLE: `${"pk_"}live_${fakeChars(24, 5)}`,
    GOOGLE_API_KEY: `${"AI"}za${fakeChars(35, 6)}`,
    GITHUB_TOKEN: `${"gh"}p_${fakeChars(36, 7)}`,
    GITHUB_PAT: `${"github"}_pat_${fakeChars(22, 8)}_${fakeChars(59, 9)}`,
    SLACK_TOKEN: `${"xo"}xb-${fakeChars(12, 10, "0123456789")}-${fakeChars(13, 11, "0123456789")}-${fakeChars(24, 12)}`,
    SLACK_WEBHOOK: `https://hooks.slack.com/services/T${fakeChars(10, 13, UPPER_NUM)}/B${fakeChars(10, 14, UPPER_NUM)}/${fakeChars(24, 15)}`,
    OPENAI_KEY: `${"sk-"}proj-${fakeChars(64, 16)}`,
    ANTHROPIC_KEY: `${"sk-"}ant-api03-${fakeChars(93, 17)}`,
    PRIVATE_KEY: `-----BEGIN ${"PRIVATE"} KEY-----\n${fakeChars(64, 18)}\n${fakeChars(64, 19)}\n-----END ${"PRIVATE"} KEY-----`,
    JWT: fakeJwt({ sub: "user-42", exp: 4102444800 }),
    SUPABASE_SERVICE: fakeJwt({ iss: "supabase", role: "service_role", exp: 4102444800 }, 20),
    SUPABASE_ANON: fakeJwt({ iss: "supabase", role: "anon", exp: 4102444800 }, 21),
  };
}
