// CSV as RFC 4180 says: CRLF line ends, every field quoted, quotes doubled. A spreadsheet would run a cell
// that starts with =, +, -, @, tab or carriage return as a formula, and audit rows carry text users typed
// (names, justifications): such cells get a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function csvRow(cells: unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
