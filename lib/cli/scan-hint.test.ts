import { describe, expect, it } from "vitest";
import { httpHint } from "./scan";

describe("httpHint", () => {
  it("suggests http:// for a bare host whose HTTPS handshake fails with a protocol error", () => {
    expect(httpHint("localhost:8080", "https://localhost:8080/ is unreachable: Cannot connect to localhost:8080: EPROTO")).toBe(
      "The site did not answer over HTTPS. If it serves plain HTTP, try: plumb scan http://localhost:8080",
    );
  });
  it("stays quiet when the scheme was typed or the failure is something else", () => {
    expect(httpHint("https://localhost:8080", "Cannot connect: EPROTO")).toBeNull();
    expect(httpHint("localhost:8080", "Cannot connect to localhost:8080: ECONNREFUSED")).toBeNull();
  });
});
