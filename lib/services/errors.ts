// Typed failures of business rules. lib/http maps `code` to the API's status codes (DESIGN.md §3);
// the CLI prints `message`. Anything else thrown from a service is a bug (500).
export type ServiceErrorCode =
  | "not_found"
  | "conflict"
  | "invalid_params"
  | "forbidden"
  | "domain_not_verified"
  | "insufficient_credits";

export class ServiceError extends Error {
  readonly code: ServiceErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ServiceErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "ServiceError";
    this.code = code;
    this.details = details;
  }
}

export function isServiceError(err: unknown): err is ServiceError {
  return err instanceof ServiceError;
}
