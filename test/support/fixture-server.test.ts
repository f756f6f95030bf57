import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureServer, type FixtureServer } from "./fixture-server";

describe("fixture server", () => {
  let dir: string;
  let site: FixtureServer;
  let third: FixtureServer;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-fixture-"));
    fs.writeFileSync(path.join(dir, "index.html"), '<script src="{{THIRD_PARTY}}/t.js"></script><a href="{{ORIGIN}}/about">x</a>');
    fs.writeFileSync(path.join(dir, "about.html"), "about");
    fs.writeFileSync(
      path.join(dir, "_headers.json"),
      JSON.stringify({
        "*": { headers: { "X-Content-Type-Options": "nosniff" }, compress: true },
        "/": { headers: { "Set-Cookie": ["a=1; Path=/", "b=2; HttpOnly"] } },
        "/old": { status: 301, redirect: "/about" },
      }),
    );
    third = await startFixtureServer({ root: dir, host: "127.0.0.2" });
    site = await startFixtureServer({ root: dir, vars: { THIRD_PARTY: third.origin } });
  });
  afterAll(async () => {
    await site.close();
    await third.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves files with merged headers, cookies and substitutions", async () => {
    const res = await fetch(`${site.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; HttpOnly"]);
    const html = await res.text();
    expect(html).toContain(`${third.origin}/t.js`);
    expect(html).toContain(`${site.origin}/about`);
    expect(third.origin.startsWith("http://127.0.0.2:")).toBe(true);
  });
  it("compresses text when asked and the client accepts gzip", async () => {
    const raw = await new Promise<{ enc?: string; body: Buffer }>((resolve) => {
      void import("node:http").then((http) =>
        http.get(`${site.origin}/about`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ enc: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        }),
      );
    });
    expect(raw.enc).toBe("gzip");
    expect(zlib.gunzipSync(raw.body).toString()).toBe("about");
  });
  it("redirects, 404s and never serves _headers.json or files outside the root", async () => {
    const r = await fetch(`${site.origin}/old`, { redirect: "manual" });
    expect(r.status).toBe(301);
    expect(r.headers.get("location")).toBe("/about");
    expect((await fetch(`${site.origin}/nope`)).status).toBe(404);
    expect((await fetch(`${site.origin}/_headers.json`)).status).toBe(404);
    expect((await fetch(`${site.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
  it("records beacons", async () => {
    await fetch(`${site.origin}/_echo/k`, { method: "POST", body: "key=a" });
    expect(site.beacons.at(-1)).toMatchObject({ method: "POST", path: "/_echo/k", body: "key=a" });
    const log = (await (await fetch(`${site.origin}/_echo.json`)).json()) as unknown[];
    expect(log).toHaveLength(1);
  });
});
