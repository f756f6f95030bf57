import { escapeHtml } from "./escape-html";

// The e-mails Plumb sends. Plain text first (it is what the settings page and the server log show), and a
// minimal HTML part in which every user-supplied value is escaped. Links are absolute (appUrl).

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

function layout(paragraphs: string[], link?: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  const button = link
    ? `<p style="margin:24px 0"><a href="${escapeHtml(link.href)}" style="background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#475569">Or paste this link into your browser: ${escapeHtml(link.href)}</p>`
    : "";
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">${body}${button}<p style="font-size:12px;color:#64748b">Plumb</p></body></html>`;
}

export function invitationMail(input: { orgName: string; inviterName: string | null; role: string; link: string; expiresDays: number }): MailContent {
  const who = input.inviterName ? `${input.inviterName} invited you` : "You are invited";
  const lead = `${who} to join ${input.orgName} on Plumb as ${input.role === "admin" ? "an" : "a"} ${input.role}.`;
  const how = `Open the link below to accept or decline. It works once and expires in ${input.expiresDays} days. You accept while signed in with this e-mail address (sign up first if you have no account).`;
  return {
    subject: `Invitation to join ${input.orgName} on Plumb`,
    text: `${lead}\n\n${how}\n\n${input.link}\n\nIf you did not expect this invitation, ignore this e-mail.\n`,
    html: layout([lead, how, "If you did not expect this invitation, ignore this e-mail."], { href: input.link, label: "View the invitation" }),
  };
}

export function emailVerificationMail(input: { link: string; expiresHours: number }): MailContent {
  const lead = "Confirm that this e-mail address is yours to finish setting up your Plumb account.";
  const how = `The link works once and expires in ${input.expiresHours} hours.`;
  return {
    subject: "Confirm your e-mail address for Plumb",
    text: `${lead}\n\n${input.link}\n\n${how} If you did not create a Plumb account, ignore this e-mail.\n`,
    html: layout([lead, `${how} If you did not create a Plumb account, ignore this e-mail.`], { href: input.link, label: "Confirm my address" }),
  };
}

export function signUpAttemptMail(input: { signInLink: string; resetLink: string }): MailContent {
  const lead = "Someone tried to create a Plumb account with this e-mail address, but you already have one.";
  const how = `If it was you, sign in: ${input.signInLink} — forgot your password? Reset it: ${input.resetLink}`;
  return {
    subject: "Someone tried to sign up to Plumb with your address",
    text: `${lead}\n\n${how}\n\nIf it was not you, you can ignore this e-mail: nothing changed on your account.\n`,
    html: layout([lead, "If it was you, sign in, or reset your password if you forgot it.", "If it was not you, you can ignore this e-mail: nothing changed on your account."], {
      href: input.signInLink,
      label: "Sign in",
    }),
  };
}

export function passwordResetMail(input: { link: string; expiresMinutes: number }): MailContent {
  const lead = "Somebody (hopefully you) asked to reset the password of your Plumb account.";
  const how = `The link works once and expires in ${input.expiresMinutes} minutes. Resetting signs you out everywhere.`;
  return {
    subject: "Reset your Plumb password",
    text: `${lead}\n\n${input.link}\n\n${how} If you did not ask, ignore this e-mail: your password stays as it is.\n`,
    html: layout([lead, `${how} If you did not ask, ignore this e-mail: your password stays as it is.`], { href: input.link, label: "Choose a new password" }),
  };
}

export function accountDeletionMail(input: { scheduledFor: Date; cancelLink: string }): MailContent {
  const when = input.scheduledFor.toISOString().slice(0, 10);
  const lead = `Your Plumb account is scheduled for deletion on ${when} (UTC). You have been signed out everywhere.`;
  const how = "Until then you can cancel: open the link below (it works once) or sign in and cancel on the Account security page. After that date your account and its personal data are deleted for good.";
  return {
    subject: "Your Plumb account will be deleted",
    text: `${lead}\n\n${how}\n\n${input.cancelLink}\n\nIf you did not ask for this, cancel now and change your password.\n`,
    html: layout([lead, how, "If you did not ask for this, cancel now and change your password."], { href: input.cancelLink, label: "Cancel the deletion" }),
  };
}

export function organizationDeletionMail(input: { orgName: string; scheduledFor: Date; settingsLink: string }): MailContent {
  const when = input.scheduledFor.toISOString().slice(0, 10);
  const lead = `The organization ${input.orgName} is scheduled for deletion on ${when} (UTC), with its domains, scans, findings and credits.`;
  const how = "Until then any owner can cancel it from the organization's settings. New scans are refused meanwhile.";
  return {
    subject: `${input.orgName} will be deleted from Plumb`,
    text: `${lead}\n\n${how}\n\n${input.settingsLink}\n`,
    html: layout([lead, how], { href: input.settingsLink, label: "Open the settings" }),
  };
}

/** A notification (assignment, mention, due date) mailed to a member who keeps e-mail notifications on. */
export function notificationMail(input: { orgName: string; title: string; body: string | null; link: string }): MailContent {
  const lead = `${input.title} (${input.orgName})`;
  const paragraphs = input.body ? [lead, input.body] : [lead];
  const footer = "You get these e-mails because notifications by e-mail are on in your Plumb account settings.";
  return {
    subject: input.title.slice(0, 200),
    text: `${paragraphs.join("\n\n")}\n\n${input.link}\n\n${footer}\n`,
    html: layout([...paragraphs, footer], { href: input.link, label: "Open in Plumb" }),
  };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** A scheduled report: the file attached, or (too big to attach) a download link valid until `expiresAt`. */
export function scheduledReportMail(input: {
  orgName: string;
  reportTitle: string;
  schedule: string;
  format: string;
  filename: string;
  sizeBytes: number;
  downloadLink: string | null;
  expiresAt: Date | null;
  reportLink: string;
}): MailContent {
  const lead = `${input.orgName} sends you "${input.reportTitle}" (${input.format.toUpperCase()}, ${formatBytes(input.sizeBytes)}).`;
  const how = input.downloadLink
    ? `The file is too large to attach. Download it with the link below${input.expiresAt ? ` until ${input.expiresAt.toISOString().slice(0, 10)}` : ""}.`
    : `The file is attached: ${input.filename}.`;
  const why = `You receive this report because a member of ${input.orgName} added you to its schedule (${input.schedule}). Ask them to remove you to stop it.`;
  const members = `Members of ${input.orgName} can open the report in Plumb: ${input.reportLink}`;
  return {
    subject: `${input.reportTitle} — ${input.orgName}`,
    text: `${lead}\n\n${how}${input.downloadLink ? `\n\n${input.downloadLink}` : ""}\n\n${members}\n\n${why}\n`,
    html: layout([lead, how, members, why], input.downloadLink ? { href: input.downloadLink, label: "Download the report" } : undefined),
  };
}
