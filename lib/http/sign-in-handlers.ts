import { z } from "zod";
import { passkeyOptionsStep, passwordStep } from "@/lib/auth/sign-in-flow";
import { SignInThrottledError } from "@/lib/auth/sign-in-limits";
import { clientIp } from "./client-ip";
import { errorResponse, jsonResponse, successBody } from "./envelope";
import { ApiError, InvalidJsonError, InvalidParamsError, RateLimitedError, UnauthorizedError, invalidParams } from "./errors";
import { newRequestId } from "./request-id";

// The first steps of signing in (lib/auth/sign-in-flow.ts), as JSON endpoints beside next-auth's: they return a
// pending sign-in token, never a session. The session is issued by next-auth's Credentials provider
// (/api/auth/callback/credentials, CSRF-protected) once the token and any second factor check out.

const MAX_BODY = 16_384;

async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > MAX_BODY) throw new InvalidParamsError("The request body is too large.");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidJsonError();
  }
}

async function handle(req: Request, run: (body: unknown, ip: string) => Promise<unknown>): Promise<Response> {
  const requestId = newRequestId();
  try {
    const data = await run(await readJson(req), clientIp(req));
    return jsonResponse(200, successBody(data, { request_id: requestId }), { "X-Request-Id": requestId });
  } catch (err) {
    if (err instanceof SignInThrottledError) return errorResponse(new RateLimitedError(err.retryAfterSeconds), requestId);
    if (err instanceof ApiError) return errorResponse(err, requestId);
    console.error("[auth] sign-in step failed:", err);
    return errorResponse(new ApiError("internal", 500, "Internal error."), requestId);
  }
}

const passwordBody = z.object({ email: z.string().max(320), password: z.string().max(256) });

/** POST /api/auth/sign-in/password: { email, password } -> { pending_token, second_factor: null | { totp, passkey, recovery } }. */
export function passwordStepHandler(req: Request): Promise<Response> {
  return handle(req, async (body, ip) => {
    const parsed = passwordBody.safeParse(body);
    if (!parsed.success) throw invalidParams(parsed.error);
    const result = await passwordStep({ email: parsed.data.email, password: parsed.data.password, ip });
    if (!result) throw new UnauthorizedError("Incorrect email or password.");
    return { pending_token: result.pendingToken, second_factor: result.secondFactor };
  });
}

const passkeyBody = z.object({ pending_token: z.string().min(16).max(200).optional() });

/** POST /api/auth/sign-in/passkey: { pending_token? } -> { pending_token, options } for navigator.credentials.get(). */
export function passkeyOptionsHandler(req: Request): Promise<Response> {
  return handle(req, async (body) => {
    const parsed = passkeyBody.safeParse(body);
    if (!parsed.success) throw invalidParams(parsed.error);
    const result = await passkeyOptionsStep({ pendingToken: parsed.data.pending_token });
    if (!result) throw new InvalidParamsError("This sign-in has expired. Start again with your password.");
    return { pending_token: result.pendingToken, options: result.options };
  });
}
