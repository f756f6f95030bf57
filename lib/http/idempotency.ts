import type { Prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash";
import { isUniqueViolation } from "@/lib/services/prisma-errors";
import { ConflictError, InvalidParamsError } from "./errors";
import { idempotencyLeaseMs } from "./settings";

// Idempotency-Key for credit-charging POSTs (the API contract, lib/api/contract and the OpenAPI document in lib/api/openapi.ts). The first request with a key claims it by
// inserting a row (unique per organization); its response is stored on the row. A repeat with the same
// request gets that stored response back and runs nothing; the same key with a different request, or while
// the first is still running, is a 409 conflict. 5xx responses are not stored, so a retry can succeed.
//
// A claim is a lease: until its request stores a response, the row expires after the lease
// (PLUMB_IDEMPOTENCY_LEASE_SECONDS, default 60 s) instead of the 24 hours a stored response is kept. A first
// request that crashed mid-way (process killed, instance gone) therefore blocks its retries for a minute, not
// a day; the retry finds the expired claim, removes it and runs. Keep the lease longer than the slowest
// idempotent request: a request still running when its lease ends can be run a second time by a retry.

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function idempotencyKeyFrom(req: Request): string | null {
  const key = req.headers.get("idempotency-key");
  if (key === null) return null;
  if (!KEY_PATTERN.test(key)) {
    throw new InvalidParamsError("Idempotency-Key must be 1–255 visible ASCII characters.", [
      { path: ["headers", "Idempotency-Key"], message: "Invalid Idempotency-Key", code: "custom" },
    ]);
  }
  return key;
}

/** Key order must not make two equal requests look different. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function requestHash(method: string, path: string, body: unknown): string {
  return sha256Hex(`${method}\n${path}\n${canonical(body)}`);
}

/**
 * Runs `exec` at most once per (organization, key). Returns its response, or the stored one with
 * `replayed: true`.
 */
export async function runIdempotent(
  db: Prisma,
  input: { orgId: string; key: string; method: string; path: string; hash: string; leaseMs?: number },
  exec: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const claim = () =>
    db.idempotencyKey.create({
      data: {
        organizationId: input.orgId,
        key: input.key,
        method: input.method,
        path: input.path,
        requestHash: input.hash,
        expiresAt: new Date(Date.now() + (input.leaseMs ?? idempotencyLeaseMs())),
      },
      select: { id: true },
    });

  let rowId: string | null = null;
  for (let attempt = 0; attempt < 2 && !rowId; attempt++) {
    try {
      rowId = (await claim()).id;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const existing = await db.idempotencyKey.findUnique({ where: { organizationId_key: { organizationId: input.orgId, key: input.key } } });
      if (!existing) continue; // deleted in between (a failed first attempt): claim again
      if (existing.expiresAt <= new Date()) {
        await db.idempotencyKey.deleteMany({ where: { id: existing.id, expiresAt: { lte: new Date() } } });
        continue;
      }
      if (existing.requestHash !== input.hash) {
        throw new ConflictError("This Idempotency-Key was already used for a different request.");
      }
      if (existing.statusCode === null) {
        throw new ConflictError("A request with this Idempotency-Key is still being processed; retry shortly.");
      }
      return { status: existing.statusCode, body: storedBody(existing.responseBody), replayed: true };
    }
  }
  if (!rowId) throw new ConflictError("A request with this Idempotency-Key is still being processed; retry shortly.");

  let result: StoredResponse;
  try {
    result = await exec();
  } catch (err) {
    await db.idempotencyKey.delete({ where: { id: rowId } }).catch(() => undefined);
    throw err;
  }
  if (result.status >= 500) {
    await db.idempotencyKey.delete({ where: { id: rowId } }).catch(() => undefined);
  } else {
    // updateMany: a claim whose lease ran out may have been taken over (deleted) meanwhile; ours then stays unsaved.
    await db.idempotencyKey.updateMany({
      where: { id: rowId },
      // Stored as a JSON string: a jsonb object would come back with its keys reordered, and a replay should
      // be the first response byte for byte.
      data: { statusCode: result.status, responseBody: JSON.stringify(result.body ?? null), expiresAt: new Date(Date.now() + TTL_MS) },
    });
  }
  return { ...result, replayed: false };
}

function storedBody(stored: unknown): unknown {
  return typeof stored === "string" ? JSON.parse(stored) : stored;
}
