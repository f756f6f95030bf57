import { isServiceError } from "@/lib/services/errors";

export interface ActionFailure {
  ok: false;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A refusal of authorizeDashboard (../access.ts) in the shape these forms read. */
export function forbidden(auth: { code: string; error: string }): ActionFailure {
  return { ok: false, code: auth.code, message: auth.error };
}

/** A service's business-rule failure as a message for the form; anything else is a bug and is rethrown. */
export function failure(err: unknown): ActionFailure {
  if (isServiceError(err)) return { ok: false, code: err.code, message: err.message, details: err.details };
  throw err;
}
