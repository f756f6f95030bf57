// Error codes next-auth hands back to the sign-in form (a thrown authorize() error's message). Only these
// may be thrown from authorize(): next-auth puts the message into a URL.

/** Too many attempts: slow down. */
export const SIGN_IN_RATE_LIMITED = "SignInRateLimited";
/** The password was right, but this account needs its second factor: use the two-step form. */
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired";
/** The code, recovery code or passkey did not check out. */
export const SECOND_FACTOR_INVALID = "SecondFactorInvalid";
/** The pending sign-in is unknown, used or expired: start again with the password. */
export const SIGN_IN_EXPIRED = "SignInExpired";
