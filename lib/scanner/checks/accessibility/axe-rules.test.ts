import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { AXE_CORE_VERSION, AXE_RULES } from "./axe-rules";

const require = createRequire(import.meta.url);

describe("the committed axe rule list", () => {
  it("matches the installed axe-core's WCAG A/AA rules (regenerate with generate-axe-rules.mjs)", async () => {
    const gen = await import("./generate-axe-rules.mjs");
    const installed = gen.currentRules();
    expect(AXE_RULES.map((r) => [r.id, r.impact])).toEqual(installed.map((r) => [r.id, r.impact]));
    expect(AXE_CORE_VERSION).toBe((require("axe-core/package.json") as { version: string }).version);
  });
});
