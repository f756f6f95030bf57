import { ZodError } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { ServiceError } from "@/lib/services/errors";
import type { ErrorCode } from "@/lib/api/schemas/common";

// Typed API errors with the stable codes of the API contract (lib/api/contract). Anything thrown that is not one of these (or a
// ServiceError, ZodError or Prisma "record not found", mapped below) is a bug and becomes 500 `internal`
// with a generic message: stack traces and driver messages never reach a client.

export interface ApiIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues?: ApiIssue[];
  /** Extra fields of the error object (insufficient_credits: cost, balance). */
  readonly extra: Record<string, number>;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    status: number,
    message: string,
    opts: { issues?: ApiIssue[]; extra?: Record<string, number>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.issues = opts.issues;
    this.extra = opts.extra ?? {};
    this.headers = opts.headers ?? {};
  }
}

export class UnauthorizedError extends ApiError {
  constructor(message = "Authentication required: send Authorization: Bearer plumb_… or sign in.") {
    super("unauthorized", 401, message, { headers: { "WWW-Authenticate": 'Bearer realm="plumb"' } });
  }
}

export class ForbiddenError extends ApiError {
  constructor(message = "This credential may not do that.") {
    super("forbidden", 403, message);
  }
}

/** The organization requires two-factor sign-in and this session's user has no second factor yet. */
export class TwoFactorRequiredError extends ApiError {
  constructor() {
    super("two_factor_required", 403, "This organization requires two-factor sign-in. Set it up under Account → Security, then try again.");
  }
}

export class NotFoundError extends ApiError {
  constructor(what = "Resource") {
    super("not_found", 404, `${what} not found.`);
  }
}

export class InvalidJsonError extends ApiError {
  constructor(message = "The request body is not valid JSON.") {
    super("invalid_json", 400, message);
  }
}

export class InvalidParamsError extends ApiError {
  constructor(message: string, issues: ApiIssue[] = []) {
    super("invalid_params", 422, message, { issues });
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor(limitBytes: number) {
    super("payload_too_large", 413, `The request body is larger than ${limitBytes} bytes.`);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string) {
    super("conflict", 409, message);
  }
}

export class DomainNotVerifiedError extends ApiError {
  constructor(message = "Verify ownership of this domain before scanning it.") {
    super("domain_not_verified", 409, message);
  }
}

export class InsufficientCreditsError extends ApiError {
  constructor(cost: number, balance: number) {
    super("insufficient_credits", 402, `This needs ${cost} credit(s); the balance is ${balance}.`, { extra: { cost, balance } });
  }
}

export class RateLimitedError extends ApiError {
  constructor(retryAfterSeconds: number, headers: Record<string, string> = {}) {
    super("rate_limited", 429, `Too many requests. Retry in ${retryAfterSeconds} s.`, {
      extra: { retry_after: retryAfterSeconds },
      headers: { ...headers, "Retry-After": String(retryAfterSeconds) },
    });
  }
}

export class GoneError extends ApiError {
  constructor(message = "This link has expired or was revoked.") {
    super("gone", 410, message);
  }
}

export class InternalError extends ApiError {
  constructor() {
    super("internal", 500, "Internal error. It has been logged; quote the request id when reporting it.");
  }
}

export function zodIssues(err: ZodError): ApiIssue[] {
  return err.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: i.message,
    code: i.code,
  }));
}

function issueSummary(issues: ApiIssue[]): string {
  const first = issues[0];
  if (!first) return "Invalid request.";
  const where = first.path.length ? `${first.path.join(".")}: ` : "";
  return `${where}${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`;
}

export function invalidParams(err: ZodError, where?: "params" | "query" | "body"): InvalidParamsError {
  const issues = zodIssues(err).map((i) => (where ? { ...i, path: [where, ...i.path] } : i));
  return new InvalidParamsError(issueSummary(issues), issues);
}

function fromServiceError(err: ServiceError): ApiError {
  const details = err.details ?? {};
  switch (err.code) {
    case "not_found":
      return new ApiError("not_found", 404, err.message);
    case "conflict":
      return new ConflictError(err.message);
    case "forbidden":
      return new ForbiddenError(err.message);
    case "domain_not_verified":
      return new DomainNotVerifiedError(err.message);
    case "insufficient_credits":
      return new InsufficientCreditsError(Number(details.cost ?? 0), Number(details.balance ?? 0));
    case "export_not_ready":
      return new ApiError("export_not_ready", 409, err.message);
    case "gone":
      return new GoneError(err.message);
    case "rate_limited":
      return new RateLimitedError(Math.max(1, Math.ceil(Number(details.retry_after ?? 60))));
    case "provider_error":
      return new ApiError("provider_error", 424, err.message);
    case "invalid_params": {
      const raw = details.issues;
      const issues = Array.isArray(raw) ? zodIssues(new ZodError(raw)) : [];
      return new InvalidParamsError(err.message, issues);
    }
  }
}

/** Maps anything thrown by a handler to an ApiError; `bug` is true when it should be logged as one. */
export function toApiError(err: unknown): { error: ApiError; bug: boolean } {
  if (err instanceof ApiError) return { error: err, bug: false };
  if (err instanceof ServiceError) return { error: fromServiceError(err), bug: false };
  if (err instanceof ZodError) return { error: invalidParams(err), bug: false };
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    // P2025: update/delete of a row that is gone (e.g. deleted concurrently). P2002: a unique constraint.
    if (err.code === "P2025") return { error: new NotFoundError(), bug: false };
    if (err.code === "P2002") return { error: new ConflictError("That already exists."), bug: false };
  }
  return { error: new InternalError(), bug: true };
}
