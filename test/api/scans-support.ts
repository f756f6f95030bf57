// Helpers shared by the scans/findings/credits HTTP tests.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Prisma } from "@/lib/db";
import { monthlyPeriodKey } from "@/lib/services/credits/monthly-grant";

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  body: { data: T; meta: { request_id: string; next_cursor?: string | null }; error: null | { code: string; message: string; cost?: number; balance?: number; issues?: unknown[] } };
}

export function api(baseUrl: string, key: string | null) {
  return async function call<T = unknown>(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
    const res = await fetch(`${baseUrl}${p}`, {
      method,
      headers: {
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as ApiResult<T>["body"] };
  };
}

/** A domain of the organization for `origin` (scheme://host:port), verified unless told otherwise. */
export async function seedDomain(db: Prisma, orgId: string, origin: string, opts: { verified?: boolean } = {}): Promise<string> {
  const u = new URL(origin);
  const domain = await db.domain.create({
    data: {
      organizationId: orgId,
      host: u.host,
      scheme: u.protocol === "http:" ? "http" : "https",
      verifyToken: randomBytes(8).toString("hex"),
      verifiedAt: opts.verified === false ? null : new Date(),
      verificationMethod: opts.verified === false ? null : "file",
    },
  });
  return domain.id;
}

/** Records this month's free grant with `amount`, so the balance is exactly that (the lazy grant is then a no-op). */
export async function setMonthlyCredits(db: Prisma, orgId: string, amount: number): Promise<void> {
  await db.creditLedger.create({ data: { organizationId: orgId, amount, reason: "monthly_grant", periodKey: monthlyPeriodKey() } });
}

/** A fixture site in a temp dir, copied from test/fixtures/sites/<name>, that a test may edit. */
export function copyFixtureSite(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `plumb-site-${name}-`));
  fs.cpSync(path.resolve(import.meta.dirname, "..", "fixtures", "sites", name), dir, { recursive: true });
  return dir;
}

/** A site whose every response takes `delayMs`: scans of it stay running until canceled. */
export function slowSite(delayMs: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-site-slow-"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><html lang=en><title>Slow</title><h1>Slow</h1></html>");
  fs.writeFileSync(path.join(dir, "_headers.json"), JSON.stringify({ "*": { delayMs } }));
  return dir;
}

export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 120_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Reads a text/event-stream to its end (or `max` events) and returns the events. */
export async function readSse(url: string, key: string, max = 10_000): Promise<{ status: number; contentType: string | null; events: { event: string; data: unknown }[]; comments: number }> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${key}` } });
  const events: { event: string; data: unknown }[] = [];
  let comments = 0;
  if (!res.body || !res.ok) return { status: res.status, contentType: res.headers.get("content-type"), events, comments };
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let idx: number;
    while ((idx = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, idx);
      buf = buf.slice(idx + 2);
      let event = "message";
      let data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) comments++;
        else if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) data += line.slice(6);
      }
      if (data) events.push({ event, data: JSON.parse(data) as unknown });
    }
    if (events.length >= max) {
      await reader.cancel();
      break;
    }
  }
  return { status: res.status, contentType: res.headers.get("content-type"), events, comments };
}
