import { describe, expect, it } from "vitest";
import { failures, makeContext, makePage, runCheck } from "../shared/test-artifacts";
import { cls, fcp, lcp, tbt, ttfb } from "./metrics";

const cases = [
  { def: ttfb, metric: "ttfb", ok: 800, medium: 801, high: 1801 },
  { def: fcp, metric: "fcp", ok: 1800, medium: 1801, high: 3001 },
  { def: lcp, metric: "lcp", ok: 2500, medium: 2501, high: 4001 },
  { def: cls, metric: "cls", ok: 0.1, medium: 0.11, high: 0.26 },
  { def: tbt, metric: "tbt", ok: 200, medium: 201, high: 601 },
] as const;

describe("metric checks", () => {
  for (const c of cases) {
    it(`${c.def.rule}: passes at the good boundary, medium above it, high above poor`, () => {
      const at = (v: number) => failures(c.def, makeContext([makePage({ performance: { [c.metric]: v } })]));
      expect(at(c.ok)).toEqual([]);
      expect(at(c.medium)).toHaveLength(1);
      expect(at(c.medium)[0]).toMatchObject({ rule: c.def.rule, pillar: "performance", severity: "medium" });
      expect(at(c.high)[0].severity).toBe("high");
      expect(at(c.high)[0].evidence).toMatch(/good ≤/);
    });
    it(`${c.def.rule}: n/a when the metric was not measured or the page failed`, () => {
      expect(runCheck(c.def, makeContext([makePage({ performance: { [c.metric]: null } })]))).toBe("n/a");
      expect(runCheck(c.def, makeContext([makePage({ status: null, performance: { [c.metric]: c.high } })]))).toBe("n/a");
    });
  }

  it("perf-tbt lists the longest tasks as evidence", () => {
    const page = makePage({ performance: { tbt: 450, longTasks: [{ start: 900, duration: 120 }, { start: 1200, duration: 480 }] } });
    expect(failures(tbt, makeContext([page]))[0].evidence).toContain("480 ms at 1200 ms");
  });
});
