import { describe, expect, it } from "vitest";
import { Pillar } from "@/generated/prisma/enums";
import { pillarSchema } from "@/lib/api/schemas/enums";
import { PILLARS } from "@/lib/scanner/types";

// One pillar list: the scanner's. The database enum must hold the same values, in the same order.
describe("the pillar list", () => {
  it("is the same in the scanner, the database enum and the API contract", () => {
    expect(Object.values(Pillar)).toEqual([...PILLARS]);
    expect(pillarSchema.options).toEqual([...PILLARS]);
  });
});
