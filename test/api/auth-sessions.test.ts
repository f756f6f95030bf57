// Sessions end on the server, two-factor sign-in, organizations requiring it, and sign-in limits by client
// address: all over real HTTP against the real server (scripts/serve.mjs, the one `npm start` runs).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { seedOrg, startServer, SERVER_START_TIMEOUT, type SeededOrg, type TestServer } from "@/test/support/server";
import { callAction, credentialsCallback, passwordStep, signInWithPassword, signOut, type CookieJar } from "@/test/support/auth-client";
import { apiClient, expectError } from "./api-client";

const ACTIONS = "app/account/security/actions";
const SESSION_DAYS = 3;

interface Seed {
  a: SeededOrg;
  totp: SeededOrg;
  strict: SeededOrg;
  lock: SeededOrg;
  ceiling: SeededOrg;
  rotate: SeededOrg;
}

type Action<T> = { ok: true; data: T } | { ok: false; error: string };

async function code(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

async function dashboardStatus(baseUrl: string, jar: CookieJar, slug: string): Promise<{ status: number; location: string | null }> {
  const res = await fetch(`${baseUrl}/o/${slug}`, { redirect: "manual", headers: { Cookie: jar.header() } });
  return { status: res.status, location: res.headers.get("location") };
}

async function sessionIds(baseUrl: string, jar: CookieJar): Promise<{ all: string[]; current: string | undefined }> {
  const html = await (await fetch(`${baseUrl}/account/security`, { headers: { Cookie: jar.header() } })).text();
  const all = [...html.matchAll(/data-session-id="([^"]+)"/g)].map((m) => m[1]);
  const current = /data-session-id="([^"]+)" data-current="true"/.exec(html)?.[1];
  return { all, current };
}

describe("sessions, two-factor sign-in and sign-in limits (hops=0)", () => {
  let server: TestServer<Seed>;
  beforeAll(async () => {
    server = await startServer<Seed>({
      env: { PLUMB_SESSION_DAYS: String(SESSION_DAYS), PLUMB_TRUSTED_PROXY_HOPS: "0" },
      seed: async (db) => {
        const strict = await seedOrg(db, { name: "Strict" });
        await db.organization.update({ where: { id: strict.orgId }, data: { requireTwoFactor: true } });
        return {
          a: await seedOrg(db, { name: "Sessions" }),
          totp: await seedOrg(db, { name: "Totp" }),
          strict,
          lock: await seedOrg(db, { name: "Lock" }),
          ceiling: await seedOrg(db, { name: "Ceiling" }),
          rotate: await seedOrg(db, { name: "Rotate" }),
        };
      },
    });
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

  it("ends the session on the server at sign-out: a copied cookie gets 401 from the API and a redirect from pages", async () => {
    const { a } = server.seeded;
    const jar = await signInWithPassword(server.baseUrl, a.email, a.password);
    const copied = jar.header();
    const api = apiClient(server.baseUrl, undefined, { Cookie: copied });
    expect((await api("GET", "/api/v1/domains")).status).toBe(200);
    expect((await dashboardStatus(server.baseUrl, jar, a.orgSlug)).status).toBe(200);

    await signOut(server.baseUrl, jar);

    expectError(await api("GET", "/api/v1/domains"), 401, "unauthorized");
    // next-auth's own session endpoint agrees, and clears the dead cookie.
    const nextAuthSession = await fetch(`${server.baseUrl}/api/auth/session`, { headers: { Cookie: copied } });
    expect(await nextAuthSession.json()).toEqual({});
    const page = await fetch(`${server.baseUrl}/o/${a.orgSlug}`, { redirect: "manual", headers: { Cookie: copied } });
    expect([303, 307, 308]).toContain(page.status);
    expect(page.headers.get("location")).toMatch(/\/sign-in/);
  });

  it("issues sessions for PLUMB_SESSION_DAYS", async () => {
    const { a } = server.seeded;
    const csrfRes = await fetch(`${server.baseUrl}/api/auth/csrf`);
    const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await fetch(`${server.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams({ email: a.email, password: a.password, csrfToken, json: "true" }),
    });
    const sessionCookie = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
    expect(sessionCookie).toBeDefined();
    const expires = Date.parse(/expires=([^;]+)/i.exec(sessionCookie!)![1]);
    expect(Math.abs(expires - (Date.now() + SESSION_DAYS * 86_400_000))).toBeLessThan(10 * 60_000);
  });

  it("revokes one session from another, and signs out everywhere", async () => {
    const { a } = server.seeded;
    const laptop = await signInWithPassword(server.baseUrl, a.email, a.password, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Chrome/130.0");
    const phone = await signInWithPassword(server.baseUrl, a.email, a.password, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1");
    const phoneId = (await sessionIds(server.baseUrl, phone)).current!;
    const fromLaptop = await sessionIds(server.baseUrl, laptop);
    expect(fromLaptop.all).toContain(phoneId);
    expect(fromLaptop.current).not.toBe(phoneId);

    const revoked = await callAction<Action<{ signedOut: boolean }>>(server.baseUrl, laptop.header(), "/account/security", ACTIONS, "revokeSessionAction", [phoneId]);
    expect(revoked).toEqual({ ok: true, data: { signedOut: false } });
    expectError(await apiClient(server.baseUrl, undefined, { Cookie: phone.header() })("GET", "/api/v1/domains"), 401, "unauthorized");
    expect((await apiClient(server.baseUrl, undefined, { Cookie: laptop.header() })("GET", "/api/v1/domains")).status).toBe(200);
    // Another user's session id is not found, whatever it is.
    const other = await signInWithPassword(server.baseUrl, server.seeded.lock.email, server.seeded.lock.password);
    const otherId = (await sessionIds(server.baseUrl, other)).current!;
    const refused = await callAction<Action<unknown>>(server.baseUrl, laptop.header(), "/account/security", ACTIONS, "revokeSessionAction", [otherId]);
    expect(refused.ok).toBe(false);
    expect((await apiClient(server.baseUrl, undefined, { Cookie: other.header() })("GET", "/api/v1/domains")).status).toBe(200);

    const tablet = await signInWithPassword(server.baseUrl, a.email, a.password);
    const everywhere = await callAction<Action<{ count: number }>>(server.baseUrl, laptop.header(), "/account/security", ACTIONS, "signOutEverywhereAction", []);
    expect(everywhere.ok).toBe(true);
    for (const jar of [laptop, tablet]) {
      expectError(await apiClient(server.baseUrl, undefined, { Cookie: jar.header() })("GET", "/api/v1/domains"), 401, "unauthorized");
      expect((await dashboardStatus(server.baseUrl, jar, a.orgSlug)).status).toBeGreaterThanOrEqual(300);
    }
  });

  it("enrols TOTP, then needs a code after the password: wrong and replayed codes fail, recovery codes work once", async () => {
    const { totp } = server.seeded;
    const jar = await signInWithPassword(server.baseUrl, totp.email, totp.password);
    const started = await callAction<Action<{ secret: string; uri: string }>>(server.baseUrl, jar.header(), "/account/security", ACTIONS, "startTotpAction", []);
    if (!started.ok) throw new Error(started.error);
    expect(started.data.uri).toMatch(/^otpauth:\/\/totp\//);
    const wrongConfirm = await callAction<Action<unknown>>(server.baseUrl, jar.header(), "/account/security", ACTIONS, "confirmTotpAction", ["000000"]);
    expect(wrongConfirm.ok).toBe(false);
    const confirmed = await callAction<Action<{ recoveryCodes: string[] }>>(server.baseUrl, jar.header(), "/account/security", ACTIONS, "confirmTotpAction", [
      await code(started.data.secret),
    ]);
    if (!confirmed.ok) throw new Error(confirmed.error);
    const recovery = confirmed.data.recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);

    // The password alone no longer makes a session.
    const plain = await credentialsCallback(server.baseUrl, { email: totp.email, password: totp.password });
    expect(plain.jar.has("session-token")).toBe(false);
    expect(plain.error).toBe("TwoFactorRequired");

    const step = await passwordStep(server.baseUrl, totp.email, totp.password);
    expect(step.status).toBe(200);
    expect(step.json.data.second_factor).toEqual({ totp: true, passkey: false, recovery: true });
    const pending = step.json.data.pending_token as string;
    // The pending token alone is not a session.
    const tokenOnly = await credentialsCallback(server.baseUrl, { pendingToken: pending });
    expect(tokenOnly.jar.has("session-token")).toBe(false);
    const next = await code(started.data.secret, 30);
    const wrong = await credentialsCallback(server.baseUrl, { pendingToken: pending, code: next === "123456" ? "654321" : "123456" });
    expect(wrong.jar.has("session-token")).toBe(false);
    expect(wrong.error).toBe("SecondFactorInvalid");
    // The next period's code (the current one was used to enrol).
    const right = await credentialsCallback(server.baseUrl, { pendingToken: pending, code: next });
    expect(right.jar.has("session-token")).toBe(true);
    expect((await apiClient(server.baseUrl, undefined, { Cookie: right.jar.header() })("GET", "/api/v1/domains")).status).toBe(200);
    // The pending token was used up, and the same code cannot be replayed with a new one.
    expect((await credentialsCallback(server.baseUrl, { pendingToken: pending, code: next })).error).toBe("SignInExpired");
    const step2 = (await passwordStep(server.baseUrl, totp.email, totp.password)).json.data.pending_token as string;
    expect((await credentialsCallback(server.baseUrl, { pendingToken: step2, code: next })).jar.has("session-token")).toBe(false);

    // A recovery code works once (any case, with or without the dash).
    const step3 = (await passwordStep(server.baseUrl, totp.email, totp.password)).json.data.pending_token as string;
    const withRecovery = await credentialsCallback(server.baseUrl, { pendingToken: step3, recoveryCode: recovery[0].toUpperCase().replace("-", "") });
    expect(withRecovery.jar.has("session-token")).toBe(true);
    const step4 = (await passwordStep(server.baseUrl, totp.email, totp.password)).json.data.pending_token as string;
    const reused = await credentialsCallback(server.baseUrl, { pendingToken: step4, recoveryCode: recovery[0] });
    expect(reused.jar.has("session-token")).toBe(false);
    expect(reused.error).toBe("SecondFactorInvalid");

    // Turning TOTP off needs a fresh factor.
    const noProof = await callAction<Action<unknown>>(server.baseUrl, right.jar.header(), "/account/security", ACTIONS, "disableTotpAction", [{ kind: "totp", code: "000000" }]);
    expect(noProof.ok).toBe(false);
    const off = await callAction<Action<unknown>>(server.baseUrl, right.jar.header(), "/account/security", ACTIONS, "disableTotpAction", [
      { kind: "recovery", code: recovery[1] },
    ]);
    expect(off.ok).toBe(true);
    expect((await passwordStep(server.baseUrl, totp.email, totp.password)).json.data.second_factor).toBeNull();
  }, 120_000);

  it("sends members without a second factor to enrol when the organization requires it (pages, API sessions), API keys unaffected", async () => {
    const { strict, a } = server.seeded;
    const jar = await signInWithPassword(server.baseUrl, strict.email, strict.password);
    const api = apiClient(server.baseUrl, undefined, { Cookie: jar.header() });
    expectError(await api("GET", "/api/v1/domains"), 403, "two_factor_required");
    expectError(await api("GET", "/api/v1/domains", { headers: { "X-Plumb-Org": strict.orgSlug } }), 403, "two_factor_required");
    const page = await dashboardStatus(server.baseUrl, jar, strict.orgSlug);
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.location).toContain(`/account/security?required=${strict.orgSlug}`);
    expect((await apiClient(server.baseUrl, strict.apiKey)("GET", "/api/v1/domains")).status).toBe(200);

    // Enrolling lifts the block for the same session.
    const started = await callAction<Action<{ secret: string }>>(server.baseUrl, jar.header(), "/account/security", ACTIONS, "startTotpAction", []);
    if (!started.ok) throw new Error(started.error);
    const confirmed = await callAction<Action<unknown>>(server.baseUrl, jar.header(), "/account/security", ACTIONS, "confirmTotpAction", [await code(started.data.secret)]);
    expect(confirmed.ok).toBe(true);
    expect((await api("GET", "/api/v1/domains")).status).toBe(200);
    expect((await dashboardStatus(server.baseUrl, jar, strict.orgSlug)).status).toBe(200);

    // An owner without a second factor cannot require one.
    const owner = await signInWithPassword(server.baseUrl, a.email, a.password);
    const refused = await callAction<Action<unknown>>(server.baseUrl, owner.header(), `/o/${a.orgSlug}/settings`, "app/o/[orgSlug]/settings/actions", "setRequireTwoFactorAction", [
      a.orgSlug,
      true,
    ]);
    expect(refused.ok).toBe(false);
  }, 120_000);

  it("lockout repro: 30+ wrong passwords from address A delay A, while the right password from B works", async () => {
    const { lock } = server.seeded;
    const A = "127.0.0.2";
    const B = "127.0.0.3";
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await passwordStep(server.baseUrl, lock.email, `wrong ${i}`, { localAddress: A })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const delayed = await passwordStep(server.baseUrl, lock.email, lock.password, { localAddress: A });
    expect(delayed.status).toBe(429);
    expect(Number(delayed.headers.get("retry-after"))).toBeGreaterThan(0);
    const fromB = await passwordStep(server.baseUrl, lock.email, lock.password, { localAddress: B });
    expect(fromB.status).toBe(200);
    expect(fromB.json.data.pending_token).toEqual(expect.any(String));
    // The sign-in finishes from B with a real session.
    const done = await credentialsCallback(server.baseUrl, { pendingToken: fromB.json.data.pending_token });
    expect(done.jar.has("session-token")).toBe(true);
    // next-auth's callback applies the same limits to A.
    expect((await credentialsCallback(server.baseUrl, { email: lock.email, password: lock.password })).jar.has("session-token")).toBe(true);
  }, 120_000);

  it("rotating X-Forwarded-For with hops=0 does not bypass the delay", async () => {
    const { rotate } = server.seeded;
    const from = "127.0.0.4";
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await passwordStep(server.baseUrl, rotate.email, `wrong ${i}`, { localAddress: from, headers: { "X-Forwarded-For": `203.0.113.${i + 1}`, "X-Plumb-Socket-Ip": `198.51.100.${i + 1}` } })).status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
  }, 120_000);

  it("the global per-account ceiling stops distributed guessing, whatever the address", async () => {
    const { ceiling } = server.seeded;
    let failures = 0;
    // 100 failures (the ceiling) from 20 addresses, 5 each: no address is ever delayed.
    for (let host = 10; failures < 100; host++) {
      for (let i = 0; i < 5 && failures < 100; i++, failures++) {
        expect((await passwordStep(server.baseUrl, ceiling.email, `guess ${failures}`, { localAddress: `127.0.1.${host}` })).status).toBe(401);
      }
    }
    const fresh = await passwordStep(server.baseUrl, ceiling.email, ceiling.password, { localAddress: "127.0.2.1" });
    expect(fresh.status).toBe(429);
    // Other accounts are not affected.
    expect((await passwordStep(server.baseUrl, server.seeded.a.email, server.seeded.a.password, { localAddress: "127.0.2.1" })).status).toBe(200);
  }, 300_000);
});

describe("sign-in limits behind one trusted proxy (PLUMB_TRUSTED_PROXY_HOPS=1)", () => {
  let server: TestServer<{ user: SeededOrg }>;
  beforeAll(async () => {
    server = await startServer({ env: { PLUMB_TRUSTED_PROXY_HOPS: "1" }, seed: async (db) => ({ user: await seedOrg(db, { name: "Proxied" }) }) });
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

  it("uses the entry our proxy appended (the rightmost), not what the client wrote before it", async () => {
    const { user } = server.seeded;
    const statuses: number[] = [];
    // The client forges a different leftmost entry each time; the proxy appended 192.0.2.10.
    for (let i = 0; i < 8; i++) {
      statuses.push((await passwordStep(server.baseUrl, user.email, `wrong ${i}`, { headers: { "X-Forwarded-For": `10.9.8.${i}, 192.0.2.10` } })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // Another client behind the same proxy is a different address.
    expect((await passwordStep(server.baseUrl, user.email, user.password, { headers: { "X-Forwarded-For": "192.0.2.11" } })).status).toBe(200);
    // Without the proxy's entry, the socket (the proxy itself) is the only hop: the outermost known address.
    expect((await passwordStep(server.baseUrl, user.email, user.password, { headers: { "X-Forwarded-For": "192.0.2.10" } })).status).toBe(429);
  }, 120_000);
});
