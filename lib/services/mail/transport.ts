import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

let cached: { url: string; transporter: Transporter } | undefined;

/** The nodemailer transport for SMTP_URL, or null when no SMTP server is configured (the embedded default). */
export function smtpTransport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) {
    // Options in the URL's query (e.g. ?tls.rejectUnauthorized=false) are nodemailer's own.
    cached = { url, transporter: nodemailer.createTransport(url, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 }) };
  }
  return cached.transporter;
}

/** Whether mail leaves this machine (SMTP_URL set) or stays in the outbox and the server log. */
export function mailIsDelivered(): boolean {
  return Boolean(env().SMTP_URL);
}
