// An invitation link works for seven days (README, "Accounts and e-mail"); an owner or admin can resend it.
export const INVITATION_TTL_DAYS = 7;
export const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000;
