import type { Database } from "@/lib/db";
import { keyring } from "@/lib/crypto";
import { rotateEncryptionKey } from "@/lib/services/integrations/rotate-encryption-key";
import type { Output } from "../output";
import { parseFlags } from "../parse-flags";
import { UsageError } from "../usage-error";

export const usage = `plumb admin rotate-encryption-key [--json]
  Re-encrypts integration credentials, webhook secrets, TOTP secrets and queued mail with PLUMB_ENCRYPTION_KEY.
  Set the new key as PLUMB_ENCRYPTION_KEY and the old one as PLUMB_ENCRYPTION_KEY_PREVIOUS (on every instance),
  run this once, then remove PLUMB_ENCRYPTION_KEY_PREVIOUS.`;

export function parse(argv: string[]) {
  const f = parseFlags(argv, { json: { type: "boolean" } }, usage);
  return { json: f.json };
}

export async function run(_args: ReturnType<typeof parse>, db: Database, out: Output): Promise<void> {
  const ring = keyring();
  if (!ring.previous) throw new UsageError("PLUMB_ENCRYPTION_KEY_PREVIOUS is not set: set the old key there and the new one in PLUMB_ENCRYPTION_KEY.", usage);
  const r = await rotateEncryptionKey(db.prisma, ring);
  out.result(
    { key_id: ring.current.id, previous_key_id: ring.previous.id, integrations: r.integrations, oauth_states: r.oauthStates, totp_secrets: r.totpSecrets, mail_bodies: r.mailBodies, unreadable: r.unreadable },
    [
      `Re-encrypted with key ${ring.current.id}: ${r.integrations} integration(s), ${r.oauthStates} OAuth state(s), ${r.totpSecrets} TOTP secret(s), ${r.mailBodies} mail bod(ies).`,
      r.unreadable ? `${r.unreadable} row(s) open with neither key and were left as they are.` : "Every row now uses the new key: remove PLUMB_ENCRYPTION_KEY_PREVIOUS.",
    ],
  );
}
