import { getPrisma } from "@/lib/db";
import { openCredential, redactSecrets } from "@/lib/integrations/credentials";
import { ProviderError } from "@/lib/integrations/provider";

/** A failure in plain words, secrets redacted, for `Integration.lastError` and logs. */
export function plainError(err: unknown, credential?: Parameters<typeof redactSecrets>[1]): string {
  const msg = err instanceof ProviderError ? err.message : err instanceof Error ? `Unexpected error: ${err.message}` : "Unexpected error.";
  return redactSecrets(msg, credential).slice(0, 1000);
}

/**
 * Records why the integration stopped working: `error` for credentials and permissions (a person must act),
 * `connected` with the message kept for transient failures the next run retries.
 */
export async function recordIntegrationError(input: { integrationId: string; error: unknown }): Promise<string> {
  const db = await getPrisma();
  const row = await db.integration.findUnique({ where: { id: input.integrationId } });
  if (!row) return "";
  let credential = null;
  try {
    credential = openCredential(row);
  } catch {
    credential = null;
  }
  const message = plainError(input.error, credential);
  const needsPerson = input.error instanceof ProviderError ? !input.error.retryable : true;
  await db.integration.update({ where: { id: row.id }, data: { lastError: message, status: needsPerson ? "error" : row.status === "syncing" ? "connected" : row.status } });
  return message;
}
