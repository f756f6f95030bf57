// `plumb scan --pdf FILE --csv FILE` as a user runs it (a subprocess through bin/plumb.mjs): the same model
// and renderers as the server's exports, from the in-memory scan; and a bad --route-map fails before scanning.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "@/lib/reports/render/csv";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

const BIN = path.resolve("bin/plumb.mjs");

function plumb(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 240_000, maxBuffer: 20_000_000, env: { ...process.env, NO_COLOR: "1" } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let site: FixtureServer;
let dir: string;
beforeAll(async () => {
  site = await startFixtureServer({ root: path.resolve("test/fixtures/sites/six-pages") });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-cli-report-"));
});
afterAll(async () => {
  await site?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("plumb scan --pdf --csv", { timeout: 300_000 }, () => {
  it("writes a PDF and a CSV next to the usual output", async () => {
    const pdf = path.join(dir, "out.pdf");
    const csv = path.join(dir, "out.csv");
    const run = await plumb(["scan", `${site.origin}/`, "--pages", "3", "--pdf", pdf, "--csv", csv, "--paper", "letter", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { findings: unknown[]; grade: string };
    const rows = parse(fs.readFileSync(csv, "utf8"), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(new Set(rows.map((r) => r.finding_id)).size).toBe(json.findings.length);
    const bytes = fs.readFileSync(pdf);
    const doc = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(doc, { mergePages: true });
    expect(text).toContain(`Website audit of ${site.origin}/`);
    expect(text).toContain("Top fixes");
    // Letter paper: 612 × 792 points.
    const page = await doc.getPage(1);
    const [, , w, h] = page.view;
    expect(Math.round(w)).toBe(612);
    expect(Math.round(h)).toBe(792);
  });

  it("refuses a bad route map before scanning", async () => {
    const map = path.join(dir, "routes.json");
    fs.writeFileSync(map, JSON.stringify({ "/": "index.html" }));
    const run = await plumb(["scan", `${site.origin}/`, "--sarif", "--route-map", map]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--route-map/);
  });
});
