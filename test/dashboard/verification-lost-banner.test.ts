// The "verification lost" banner as the server renders it: it names the date and the reason, escapes what
// the site answered (the reason quotes it), and links to verifying again.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VerificationLostBanner, VerificationLostSummary } from "@/components/domains/verification-lost-banner";
import { formatDateTime } from "@/components/ui";

describe("VerificationLostBanner", () => {
  const lostAt = new Date("2026-11-30T08:15:00Z");
  it("says verification was lost, when, why, and how to verify again", () => {
    const html = renderToStaticMarkup(
      createElement(VerificationLostBanner, {
        host: "shop.example",
        lostAt,
        reason: 'The ownership proof is gone:\nmeta: the plumb-site-verification tag holds a different token <script>alert("x")</script>',
        verifyHref: "/o/acme/domains/d1/verify",
      }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain("Verification lost for shop.example");
    expect(html).toContain(formatDateTime(lostAt));
    expect(html).toContain("holds a different token");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('href="/o/acme/domains/d1/verify"');
  });
  it("lists only the domains that lost their verification on the domains page", () => {
    const html = renderToStaticMarkup(
      createElement(VerificationLostSummary, {
        base: "/o/acme/domains",
        domains: [
          { id: "d1", host: "lost.example", verificationLostAt: lostAt },
          { id: "d2", host: "fine.example", verificationLostAt: null },
        ],
      }),
    );
    expect(html).toContain("A domain lost its verification");
    expect(html).toContain("lost.example");
    expect(html).not.toContain("fine.example");
    expect(renderToStaticMarkup(createElement(VerificationLostSummary, { base: "/x", domains: [] }))).toBe("");
  });
});
