// Typed failures of business rules. lib/http maps `code` to the API's status codes (the API contract, lib/api/contract and the OpenAPI document in lib/api/openapi.ts);
// the CLI prints `message`. Anything else thrown from a service is a bug (500).
export type ServiceErrorCode =
  | "not_found"
  | "conflict"
  | "invalid_params"
  | "forbidden"
  | "domain_not_verified"
  | "insufficient_credits"
  | "export_not_ready"
  | "gone"
  | "rate_limited"
  // an integration's provider refused or failed (bad token, missing permission, provider down): 424 Failed Dependency, a 4xx: not Plumb's fault
  | "provider_error";

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
