/** next-auth hands a thrown authorize() error's message to the sign-in form as `error`: this one means "slow down". */
export const SIGN_IN_RATE_LIMITED = "SignInRateLimited";
