import { z } from "zod";
import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto";
import { enqueueJob } from "@/lib/jobs/outbox";

export const queueMailInput = z
  .object({
    kind: z.enum(["personal", "organization"]),
    organizationId: z.string().min(1).max(64).optional(),
    template: z.string().min(1).max(64),
    to: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)),
    subject: z.string().min(1).max(300),
    text: z.string().min(1).max(100_000),
    html: z.string().max(200_000).optional(),
    /** a report export attached at delivery (scheduled reports) */
    attachmentExportId: z.string().min(1).max(64).optional(),
  })
  .refine((m) => (m.kind === "organization") === Boolean(m.organizationId), {
    message: "Organization mail needs organizationId; personal mail has none.",
    path: ["organizationId"],
  });
export type QueueMailInput = z.input<typeof queueMailInput>;

/**
 * Writes one e-mail to the MailMessage table, queued. Pass the transaction client of the change the mail
 * reports (`tx`), so both commit or neither. Its delivery job is written to the job outbox in the same
 * transaction; after the commit, dispatchMail() flushes the outbox so it goes out now (the outbox sweeper and
 * the mail sweeper deliver it later if that never happens). Bodies are stored encrypted: they carry links.
 */
export async function queueMail(input: QueueMailInput & { tx?: Prisma | PrismaNS.TransactionClient }): Promise<{ id: string }> {
  const { tx, ...message } = input;
  const m = queueMailInput.parse(message);
  const db = tx ?? (await getPrisma());
  const row = await db.mailMessage.create({
    data: {
      kind: m.kind,
      organizationId: m.organizationId ?? null,
      template: m.template,
      to: m.to,
      subject: m.subject,
      textEncrypted: encryptSecret(m.text),
      htmlEncrypted: m.html === undefined ? null : encryptSecret(m.html),
      attachmentExportId: m.attachmentExportId ?? null,
    },
    select: { id: true },
  });
  await enqueueJob(db, { event: "plumb/mail.queued", data: { mailId: row.id }, key: `mail:${row.id}` });
  return row;
}
