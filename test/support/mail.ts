// Reading the mail Plumb queued (MailMessage rows, bodies decrypted) and the links in it, for tests.
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import type { Prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto";

export interface QueuedMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  template: string;
  kind: "personal" | "organization";
  organizationId: string | null;
}

/** The newest queued/sent message to an address (optionally of one template), body decrypted. */
export async function latestMailTo(prisma: Prisma, to: string, template?: string): Promise<QueuedMail> {
  const row = await prisma.mailMessage.findFirstOrThrow({
    where: { to: to.toLowerCase(), ...(template ? { template } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return { id: row.id, to: row.to, subject: row.subject, text: row.textEncrypted ? decryptSecret(row.textEncrypted) : "", template: row.template, kind: row.kind, organizationId: row.organizationId };
}

/** The token of the first link to `/<segment>/<token>` in a mail body. */
export function tokenFromLink(text: string, segment: "invite" | "verify-email" | "reset-password"): string {
  const m = new RegExp(`/${segment}/([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`No /${segment}/ link in:\n${text}`);
  return m[1];
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  url: string;
  messages: ParsedMail[];
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(match: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** A real SMTP server on a free loopback port (no TLS, no auth) that parses what it receives. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  const waiters: { match: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          for (const w of [...waiters]) {
            if (w.match(mail)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(mail);
            }
          }
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(match, timeoutMs = 30_000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No matching mail within ${timeoutMs} ms (got ${messages.length})`)), timeoutMs);
        waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The recipient address of a parsed mail, lower-cased. */
export function recipient(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return (to?.value[0]?.address ?? "").toLowerCase();
}
