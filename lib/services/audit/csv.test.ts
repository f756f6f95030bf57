import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("audit CSV", () => {
  it("quotes every cell, doubles quotes, ends rows with CRLF (RFC 4180)", () => {
    expect(csvRow(["a", 'say "hi"', "line\nbreak", null, 3])).toBe('"a","say ""hi""","line\nbreak","","3"\r\n');
  });
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const s of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(s)).toBe(`"'${s.replace(/"/g, '""')}"`);
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});
