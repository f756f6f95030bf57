// The README's check counts come from the registry: every check that can fire (axe's deprecated and
// experimental rules are not registered, since gather never runs them).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PILLARS } from "../types";
import { AXE_RULES } from "./accessibility/axe-rules";
import { allChecks } from "./index";

const README = fs.readFileSync(path.resolve(import.meta.dirname, "../../../README.md"), "utf8");

describe("README check counts", () => {
  it("states the registry's total", () => {
    const m = README.match(/## Scanner[\s\S]*?(\d[\d,]*) checks, each with a stable rule id/);
    expect(m, "the Scanner section names its check count").not.toBeNull();
    expect(Number(m![1].replace(/,/g, ""))).toBe(allChecks.length);
  });

  it("states each pillar's count in the pillar table", () => {
    for (const pillar of PILLARS) {
      const row = README.match(new RegExp(`^\\| ${pillar} \\| (\\d+) \\|`, "m"));
      expect(row, `README table row for ${pillar}`).not.toBeNull();
      expect(Number(row![1]), pillar).toBe(allChecks.filter((c) => c.pillar === pillar).length);
    }
  });

  it("registers no axe rule that cannot run, and the best-practice rules apart from WCAG", () => {
    expect(AXE_RULES.some((r) => r.kind === "best-practice")).toBe(true);
    for (const r of AXE_RULES) {
      if (r.kind === "best-practice") expect(r.level).toBeNull();
      else expect(["A", "AA"]).toContain(r.level);
    }
    const ids = allChecks.map((c) => c.rule);
    expect(ids).not.toContain("axe-aria-roledescription"); // deprecated in axe-core 4.x
    expect(ids).not.toContain("axe-audio-caption"); // deprecated
  });
});
