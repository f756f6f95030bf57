import { describe, expect, it } from "vitest";
import { codeSpan } from "@/lib/integrations/issue-draft";
import { markdownToAdf, markdownToWiki } from "./markdown-to-adf";

describe("markdown to Jira", () => {
  it("keeps hostile text inside the drafts' code spans and fences literal", () => {
    const hostile = "x`[click|https://evil.example]`{html}<b>";
    const md = `Seen on ${codeSpan(hostile)}\n\n\`\`\`\`html\n\`\`\`\n{noformat}[a|https://evil.example]\n\`\`\`\``;
    const adf = markdownToAdf(md);
    const para = adf.content[0].content!;
    expect(para[1]).toEqual({ type: "text", text: hostile, marks: [{ type: "code" }] });
    expect(adf.content[1]).toMatchObject({ type: "codeBlock", attrs: { language: "html" }, content: [{ text: "```\n{noformat}[a|https://evil.example]" }] });
    const wiki = markdownToWiki(md);
    expect(wiki).toContain("{{x`\\[click\\|https://evil.example\\]`\\{html\\}<b>}}");
    expect(wiki).toContain("{noformat}\n```\n{ noformat}[a|https://evil.example]\n{noformat}");
  });

  it("converts headings, lists, bold and links", () => {
    expect(markdownToWiki("## Fix\n- **one** [doc](https://plumb.example/d)")).toBe("h2. Fix\n* *one* [doc|https://plumb.example/d]");
    const adf = markdownToAdf("# T\n\nsee [doc](https://plumb.example/d)");
    expect(adf.content[1].content![1]).toEqual({ type: "text", text: "doc", marks: [{ type: "link", attrs: { href: "https://plumb.example/d" } }] });
  });
});
