import { getPrisma, type Prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto";
import { env } from "@/lib/env";
import { parseStorageRef, storageFor } from "@/lib/storage";
import { smtpTransport } from "./transport";

// An attempt holds the row this long; the SMTP timeouts (transport.ts) end an attempt well before.
const LOCK_MS = 2 * 60 * 1000;
/** After this many failed attempts the message is marked failed and nobody retries it. */
export const MAX_MAIL_ATTEMPTS = 5;

export type DeliverMailResult = { status: "sent" | "skipped" | "logged" };

export class MailDeliveryError extends Error {
  readonly final: boolean;
  constructor(message: string, final: boolean) {
    super(message);
    this.name = "MailDeliveryError";
    this.final = final;
  }
}

/**
 * Delivers one queued message: through SMTP when SMTP_URL is set; otherwise personal mail goes to the server
 * log (a self-hoster can still follow the link) and organization mail stays listed to the organization's
 * owners (Settings -> Mail). Claims the row first, so the job and the sweeper never send it twice at once;
 * a message already sent (or failed for good) is skipped, which makes a repeated step harmless.
 * Throws MailDeliveryError when SMTP refused it (the caller's retries apply).
 */
export async function deliverMail(input: { mailId: string }, prisma?: Prisma): Promise<DeliverMailResult> {
  const db = prisma ?? (await getPrisma());
  const now = new Date();
  const claimed = await db.mailMessage.updateMany({
    where: { id: input.mailId, status: "queued", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: new Date(now.getTime() + LOCK_MS), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return { status: "skipped" };
  const mail = await db.mailMessage.findUniqueOrThrow({ where: { id: input.mailId } });
  const text = decryptSecret(mail.textEncrypted);
  const html = mail.htmlEncrypted ? decryptSecret(mail.htmlEncrypted) : undefined;

  const transport = smtpTransport();
  if (!transport) {
    if (mail.kind === "personal") {
      // The one place a personal message is readable without SMTP: the operator's own log.
      console.log(`[mail] No SMTP_URL set; this message is not sent. To: ${mail.to}\nSubject: ${mail.subject}\n\n${text}\n[mail] end of message ${mail.id}`);
    } else {
      console.log(`[mail] No SMTP_URL set; "${mail.subject}" for ${mail.to} is listed to the organization's owners under Settings -> Mail.`);
    }
    await finish(db, mail.id, mail.kind);
    return { status: "logged" };
  }

  let attachments: { filename: string; content: Buffer; contentType: string }[] = [];
  try {
    if (mail.attachmentExportId) attachments = [await exportAttachment(db, mail.organizationId, mail.attachmentExportId)];
    await transport.sendMail({ from: env().PLUMB_MAIL_FROM, to: mail.to, subject: mail.subject, text, ...(html ? { html } : {}), ...(attachments.length ? { attachments } : {}) });
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    const final = mail.attempts >= MAX_MAIL_ATTEMPTS;
    await db.mailMessage.update({
      where: { id: mail.id },
      data: { lastError: message, lockedUntil: null, ...(final ? { status: "failed" } : {}) },
    });
    throw new MailDeliveryError(`Sending mail ${mail.id} failed (attempt ${mail.attempts}): ${message}`, final);
  }
  await finish(db, mail.id, mail.kind);
  return { status: "sent" };
}

// The attached export is read from storage when the message goes out, so the file is stored once however many
// recipients there are. An expired, purged or foreign export is an error (the message is retried, then failed).
async function exportAttachment(db: Prisma, orgId: string | null, exportId: string) {
  const row = await db.reportExport.findFirst({ where: { id: exportId, organizationId: orgId ?? "", status: "succeeded" } });
  const ref = row?.storageKey ? parseStorageRef(row.storageKey) : null;
  if (!row || !ref) throw new Error(`the attached export ${exportId} is no longer stored`);
  const file = await (await storageFor(ref.kind)).get(ref.key);
  if (!file) throw new Error(`the attached export ${exportId} is no longer stored`);
  return { filename: row.filename ?? `report-${row.id}`, content: file.bytes, contentType: row.contentType ?? file.contentType };
}

async function finish(db: Prisma, id: string, kind: "personal" | "organization"): Promise<void> {
  await db.mailMessage.update({
    where: { id },
    data: {
      status: "sent",
      sentAt: new Date(),
      lockedUntil: null,
      lastError: null,
      // Personal mail is never shown again and its link is single-use: keep no copy of it.
      ...(kind === "personal" ? { textEncrypted: "", htmlEncrypted: null } : {}),
    },
  });
}
