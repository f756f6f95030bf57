import { isServiceError } from "@/lib/services/errors";
import type { ActionResult } from "@/components/findings/action-result";

/** Turns a business-rule failure into a message for the form; anything else is a bug and propagates. */
export function serviceFailure(err: unknown): ActionResult<never> {
  if (isServiceError(err)) return { ok: false, error: err.message };
  throw err;
}
