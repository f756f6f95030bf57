/**
 * The in-app path to return to after signing in. Only same-origin absolute paths are accepted, so a crafted
 * `callbackUrl` cannot send a user to another site ("//evil.example" and "/\evil" are protocol-relative in browsers).
 */
export function safeCallbackPath(value: unknown, fallback = "/o"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
