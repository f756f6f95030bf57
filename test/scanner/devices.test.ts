// One scan, two device profiles, against a fixture page whose defects depend on the screen: tap targets too
// close and a 900 px table (phone only), a banner pushed in above the content (desktop only). Real Chromium.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateArtifacts, gatherArtifacts, type Artifacts, type Finding } from "@/lib/scanner";
import { deviceSummary, withDeviceEntries } from "@/lib/scanner/device-results";
import { DEVICE_DEPENDENT_RULES, MOBILE_ONLY_RULES } from "@/lib/scanner/device-checks";
import { allChecks } from "@/lib/scanner/checks";
import { pageEntry } from "@/lib/scanner";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

const FIXTURE = path.resolve("test/scanner/fixtures/devices");

describe("device profiles (real browser)", () => {
  let site: FixtureServer;
  let both: Artifacts;
  let mobileOnly: Artifacts;
  let findings: Finding[];

  beforeAll(async () => {
    site = await startFixtureServer({ root: FIXTURE });
    const url = `${site.origin}/`;
    both = (await gatherArtifacts({ url, allowPrivate: true, devices: ["desktop", "mobile"] }, [url], undefined, { siteProbes: false })).artifacts;
    mobileOnly = (await gatherArtifacts({ url, allowPrivate: true }, [url], undefined, { siteProbes: false })).artifacts;
    findings = evaluateArtifacts(both, { target: url }).findings;
  }, 120_000);
  afterAll(async () => {
    await site?.close();
  });

  const byRule = (list: Finding[], rule: string) => list.find((f) => f.rule === rule);

  it("loads the page as each profile: screen, touch and user agent", () => {
    const mobile = both.pages[0];
    expect(mobile.status).toBe(200);
    expect(mobile.device).toMatchObject({ name: "mobile", touch: true, mobile: true, screenWidth: 412 });
    expect(mobile.device?.viewport.layoutWidth).toBe(412);
    expect(mobile.device?.touchPoints).toBeGreaterThan(0);
    expect(mobile.device?.userAgent).toMatch(/Android.*Mobile Safari/);
    expect(mobile.device?.userAgent).not.toContain("HeadlessChrome");
    expect(both.devicePages?.map((d) => d.device)).toEqual(["desktop"]);
    const desktop = both.devicePages![0].pages[0];
    expect(desktop.status).toBe(200);
    expect(desktop.device).toMatchObject({ name: "desktop", touch: false, mobile: false, screenWidth: 1350 });
    expect(desktop.device?.touchPoints).toBe(0);
    expect(desktop.device?.userAgent).toMatch(/Macintosh/);
  });

  it("shares the load: device-independent steps run once, on the primary (mobile) load", () => {
    const desktop = both.devicePages![0].pages[0];
    expect(both.pages[0].axe).not.toBeNull();
    expect(desktop.axe).toBeNull();
    expect(desktop.requests.some((r) => r.body !== undefined)).toBe(false);
  });

  it("tags the findings that differ by device with the device they were seen on", () => {
    expect(byRule(findings, "seo-tap-targets")?.devices).toEqual(["mobile"]);
    expect(byRule(findings, "seo-tap-targets")?.instances?.[0].selector).toMatch(/a/);
    expect(byRule(findings, "seo-content-width")?.devices).toEqual(["mobile"]);
    expect(byRule(findings, "seo-content-width")?.evidence).toContain("table.wide");
    const cls = byRule(findings, "perf-cls");
    expect(cls?.devices).toEqual(["desktop"]);
    expect(both.devicePages![0].pages[0].performance.cls).toBeGreaterThan(0.1);
    expect(both.pages[0].performance.cls ?? 0).toBeLessThan(0.1);
  });

  it("leaves device-independent findings untagged and reports each check once", () => {
    const untagged = findings.filter((f) => !DEVICE_DEPENDENT_RULES.has(f.rule) && !MOBILE_ONLY_RULES.has(f.rule));
    expect(untagged.length).toBeGreaterThan(0);
    for (const f of untagged) expect(f.devices).toBeUndefined();
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
  });

  it("reports per-device metrics and performance scores side by side; performance stays the mobile one", () => {
    const [entry] = withDeviceEntries(both.pages.map((p) => pageEntry(p)), both);
    expect(entry.devices?.map((d) => d.device)).toEqual(["mobile", "desktop"]);
    expect(entry.devices?.[0].metrics).toEqual(entry.metrics);
    expect(entry.devices?.[1].metrics?.cls).toBeGreaterThan(0.1);
    const summary = deviceSummary(both, true);
    expect(summary.devices).toEqual(["mobile", "desktop"]);
    expect(Object.keys(summary.device_scores ?? {}).sort()).toEqual(["desktop", "mobile"]);
    expect(evaluateArtifacts(both, { target: both.pages[0].url }).scores.performance).toBe(summary.device_scores?.mobile);
  });

  it("defaults to mobile only, like Lighthouse", () => {
    expect(mobileOnly.pages[0].device?.name).toBe("mobile");
    expect(mobileOnly.devicePages).toBeUndefined();
    const list = evaluateArtifacts(mobileOnly, { target: mobileOnly.pages[0].url }).findings;
    expect(byRule(list, "seo-tap-targets")?.devices).toEqual(["mobile"]);
    expect(list.some((f) => f.devices?.includes("desktop"))).toBe(false);
    expect(deviceSummary(mobileOnly, true)).toEqual({ devices: ["mobile"] });
  });

  it("every device-tagged rule is a registered check", () => {
    const rules = new Set(allChecks.map((c) => c.rule));
    for (const r of [...DEVICE_DEPENDENT_RULES, ...MOBILE_ONLY_RULES]) expect(rules.has(r), r).toBe(true);
  });
});
