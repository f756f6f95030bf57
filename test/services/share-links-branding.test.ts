// Share links and branding at the service level: what is stored (hash only, argon2 password), the redaction
// of evidence, the per-domain branding override and the logo checks.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { MAX_LOGO_BYTES, sniffImage } from "@/lib/services/branding/logo-image";
import { resolveBranding } from "@/lib/services/branding/resolve-branding";
import { updateBranding } from "@/lib/services/branding/update-branding";
import { createShareLink } from "@/lib/services/share-links/create-share-link";
import { loadSharedReport } from "@/lib/services/share-links/load-shared-report";
import { openShareLink } from "@/lib/services/share-links/open-share-link";
import { revokeShareLink } from "@/lib/services/share-links/revoke-share-link";
import { checkSharePassword } from "@/lib/services/share-links/check-share-password";
import { createTestDatabase } from "@/test/support/db";
import { finishedScan, PLANTED_SECRET } from "@/test/support/finished-scan";
import { PNG_1X1 } from "@/test/support/images";
import { seedTenant } from "./seed";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("share links", () => {
  it("stores only the token's SHA-256 and an argon2id password hash", async () => {
    const t = await seedTenant(db.prisma);
    const scanId = await finishedScan(db.prisma, t.actor, t.domainId, "https://shop.example");
    const { link, token } = await createShareLink(t.actor, { scanId, password: "correct horse battery" }, db.prisma);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await checkSharePassword({ link: row, password: "correct horse battery" })).toBe(true);
    expect(await checkSharePassword({ link: row, password: "wrong" })).toBe(false);
    expect((await openShareLink({ token }, db.prisma)).id).toBe(link.id);
  });

  it("drops evidence unless asked, and masks secrets when evidence is included", async () => {
    const t = await seedTenant(db.prisma);
    const scanId = await finishedScan(db.prisma, t.actor, t.domainId, "https://shop.example");
    const plain = await createShareLink(t.actor, { scanId }, db.prisma);
    const withEvidence = await createShareLink(t.actor, { scanId, includeEvidence: true }, db.prisma);
    const a = await loadSharedReport({ link: await openShareLink({ token: plain.token }, db.prisma) }, db.prisma);
    expect(a.model.findings.every((f) => f.evidence === null && f.instances.every((i) => i.snippet === null))).toBe(true);
    const b = await loadSharedReport({ link: await openShareLink({ token: withEvidence.token }, db.prisma) }, db.prisma);
    const secretFinding = b.model.findings.find((f) => f.rule === "exposed-secret")!;
    expect(secretFinding.evidence).toBeTruthy();
    expect(JSON.stringify(b.model)).not.toContain(PLANTED_SECRET);
    expect(secretFinding.evidence).toContain(PLANTED_SECRET.slice(0, 4));
  });

  it("answers gone for revoked and expired links, not_found for unknown tokens and other shapes", async () => {
    const t = await seedTenant(db.prisma);
    const scanId = await finishedScan(db.prisma, t.actor, t.domainId, "https://shop.example");
    const { link, token } = await createShareLink(t.actor, { scanId, expiresAt: new Date(Date.now() + 60_000) }, db.prisma);
    await expect(openShareLink({ token, now: new Date(Date.now() + 120_000) }, db.prisma)).rejects.toMatchObject({ code: "gone" });
    const other = await seedTenant(db.prisma);
    await expect(revokeShareLink(other.actor, { linkId: link.id }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    await revokeShareLink(t.actor, { linkId: link.id }, db.prisma);
    await expect(openShareLink({ token }, db.prisma)).rejects.toMatchObject({ code: "gone" });
    await expect(openShareLink({ token: "A".repeat(43) }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    await expect(openShareLink({ token: "short" }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    await expect(createShareLink(t.actor, { scanId, expiresAt: new Date(Date.now() - 1000) }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
  });
});

describe("branding", () => {
  it("recognises images by their bytes and refuses SVG, unknown types and oversize files", async () => {
    expect(sniffImage(PNG_1X1)).toBe("image/png");
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
    expect(sniffImage(Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 ")]))).toBe("image/webp");
    expect(sniffImage(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBe("image/svg+xml");
    const t = await seedTenant(db.prisma);
    await expect(updateBranding(t.actor, { patch: {}, logo: Buffer.from("<svg onload=alert(1)></svg>") }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(updateBranding(t.actor, { patch: {}, logo: Buffer.from("GIF89a not accepted") }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(MAX_LOGO_BYTES)]);
    await expect(updateBranding(t.actor, { patch: {}, logo: big }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    // A PNG renamed nothing: the declared name never matters, the bytes do.
    const saved = await updateBranding(t.actor, { patch: { name: "Agency" }, logo: PNG_1X1 }, db.prisma);
    expect(saved).toMatchObject({ name: "Agency", logoMime: "image/png", logoBytes: PNG_1X1.length });
  });

  it("lets a domain override the organization's branding field by field", async () => {
    const t = await seedTenant(db.prisma);
    await updateBranding(t.actor, { patch: { name: "Agency", accent_color: "#112233", footer_text: "Agency footer", show_powered_by: false }, logo: PNG_1X1 }, db.prisma);
    await updateBranding(t.actor, { domainId: t.domainId, patch: { name: "Client brand", show_powered_by: false } }, db.prisma);
    const org = await resolveBranding({ orgId: t.orgId }, db.prisma);
    expect(org).toMatchObject({ name: "Agency", accent: "#112233", footer: "Agency footer", showPoweredBy: false });
    expect(org!.logoUrl).toMatch(/^data:image\/png;base64,/);
    const domain = await resolveBranding({ orgId: t.orgId, domainId: t.domainId }, db.prisma);
    expect(domain).toMatchObject({ name: "Client brand", accent: "#112233", footer: "Agency footer" });
    const other = await seedTenant(db.prisma);
    await expect(updateBranding(other.actor, { domainId: t.domainId, patch: { name: "x" } }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateBranding(t.actor, { patch: { accent_color: "red; background:url(x)" } }, db.prisma)).rejects.toThrow();
  });
});
