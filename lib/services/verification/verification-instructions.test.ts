import { describe, expect, it } from "vitest";
import { verificationInstructions } from "./verification-instructions";

const methodsOf = (scheme: string, host: string) => verificationInstructions({ scheme, host, verifyToken: "tok" }).methods;

describe("verificationInstructions", () => {
  it("offers the meta tag, the DNS TXT record on the bare host name, and the well-known file", () => {
    const m = methodsOf("https", "shop.example.com:8443");
    expect(m.map((x) => x.method)).toEqual(["meta", "dns", "file"]);
    expect(m[0].value).toBe('<meta name="plumb-site-verification" content="tok">');
    expect(m[1]).toMatchObject({ value: "plumb-site-verification=tok", location: "shop.example.com" });
    expect(m[2].location).toBe("https://shop.example.com:8443/.well-known/plumb-verification.txt");
  });

  it("leaves DNS out for IP addresses, which have no zone to hold a TXT record", () => {
    expect(methodsOf("http", "127.0.0.1:8080").map((x) => x.method)).toEqual(["meta", "file"]);
    expect(methodsOf("http", "[::1]:3000").map((x) => x.method)).toEqual(["meta", "file"]);
  });
});
