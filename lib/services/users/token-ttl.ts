// How long the links Plumb mails stay valid (documented in the README's "Accounts and e-mail" section).
export const EMAIL_VERIFICATION_TTL_MS = 48 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
