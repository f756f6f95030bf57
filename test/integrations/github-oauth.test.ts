// Connecting GitHub with OAuth against the local GitHub's authorize and token endpoints: state and PKCE
// (S256) sent, the code exchanged with the verifier, the token tested and stored; a state is single use, and
// an unknown one connects nothing.
import { afterAll, beforeAll, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { openCredential } from "@/lib/integrations/credentials";
import { completeIntegrationOAuth } from "@/lib/services/integrations/complete-integration-oauth";
import { startIntegrationOAuth } from "@/lib/services/integrations/start-integration-oauth";
import { createTestDatabase } from "@/test/support/db";
import { startFakeGithub, type FakeGithub } from "@/test/support/providers/github";
import { seedTenant, type SeededTenant } from "@/test/services/seed";

let db: Database;
let gh: FakeGithub;
let t: SeededTenant;

beforeAll(async () => {
  gh = await startFakeGithub();
  gh.addRepo("acme/site");
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = gh.host;
  process.env.PLUMB_GITHUB_OAUTH_CLIENT_ID = gh.oauth.clientId;
  process.env.PLUMB_GITHUB_OAUTH_CLIENT_SECRET = gh.oauth.clientSecret;
  resetEnv();
  db = await createTestDatabase();
  setDatabase(db);
  t = await seedTenant(db.prisma);
});
afterAll(async () => {
  for (const k of ["PLUMB_PRIVATE_TARGET_ALLOWLIST", "PLUMB_GITHUB_OAUTH_CLIENT_ID", "PLUMB_GITHUB_OAUTH_CLIENT_SECRET"]) delete process.env[k];
  resetEnv();
  setDatabase(undefined);
  await db?.close();
  await gh?.close();
});

it("runs the authorization-code flow with state and PKCE and stores the OAuth token", async () => {
  const { authorizeUrl } = await startIntegrationOAuth(t.actor, { provider: "github", baseUrl: gh.apiBaseUrl, returnTo: "/somewhere" });
  const u = new URL(authorizeUrl);
  expect(`${u.origin}${u.pathname}`).toBe(`${gh.origin}/login/oauth/authorize`);
  expect(u.searchParams.get("code_challenge_method")).toBe("S256");
  expect(u.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(u.searchParams.get("scope")).toBe("repo");
  // The browser visits the provider, which redirects back with the code and our state.
  const res = await fetch(authorizeUrl, { redirect: "manual" });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get("location")!);
  expect(back.pathname).toBe("/api/v1/integrations/oauth/callback");
  const code = back.searchParams.get("code")!;
  const state = back.searchParams.get("state")!;
  expect(state).toBe(u.searchParams.get("state"));

  // A forged state does nothing.
  expect(await completeIntegrationOAuth({ code, state: "f".repeat(64) })).toMatchObject({ ok: false, message: expect.stringMatching(/unknown or was already used/) });

  const outcome = await completeIntegrationOAuth({ code, state });
  expect(outcome).toMatchObject({ ok: true, provider: "github", returnTo: "/somewhere", message: "Connected to GitHub as octo-owner." });
  const row = await db.prisma.integration.findFirstOrThrow({ where: { organizationId: t.orgId, provider: "github" } });
  expect(row).toMatchObject({ status: "connected", authMethod: "oauth", externalAccount: "octo-owner", baseUrl: gh.apiBaseUrl });
  const cred = openCredential(row);
  expect(cred).toMatchObject({ type: "oauth", scope: "repo" });
  expect(gh.tokens.get(cred!.type === "oauth" ? cred!.accessToken : "")).toBe("octo-owner");
  expect(gh.calls.some((c) => c.startsWith("POST /login/oauth/access_token"))).toBe(true);

  // The state was single use.
  expect(await completeIntegrationOAuth({ code, state })).toMatchObject({ ok: false });
});

it("reports a refusal at the provider in plain words and connects nothing", async () => {
  const other = await seedTenant(db.prisma);
  const { authorizeUrl } = await startIntegrationOAuth(other.actor, { provider: "github", baseUrl: gh.apiBaseUrl });
  const state = new URL(authorizeUrl).searchParams.get("state")!;
  // A code the provider never issued: the token endpoint answers bad_verification_code.
  const outcome = await completeIntegrationOAuth({ code: "not-a-code", state });
  expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/refused the authorization code/) });
  expect(await db.prisma.integration.findFirstOrThrow({ where: { organizationId: other.orgId, provider: "github" } })).toMatchObject({ status: "disconnected", encryptedCredentials: null });
});
