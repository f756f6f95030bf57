import { randomToken } from "@/lib/crypto/random-token";

/** A fresh id for one request: echoed in X-Request-Id and meta.request_id, stored on audit events. */
export function newRequestId(): string {
  return `req_${randomToken(12)}`;
}
