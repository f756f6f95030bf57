import { describe, expect, it } from "vitest";
import { findMetaContents } from "./find-meta-contents";

describe("findMetaContents", () => {
  const N = "plumb-site-verification";
  it("reads attributes in any order, case and quoting", () => {
    const html = `<html><head>
      <meta name="${N}" content="a1">
      <META CONTENT='b2' NAME='Plumb-Site-Verification'/>
      <meta content=c3 name=${N}>
      <meta name="other" content="x">
      <meta name="${N}" content=" &quot;d4&amp; ">
    </head><body></body></html>`;
    expect(findMetaContents(html, N)).toEqual(["a1", "b2", "c3", '"d4&']);
  });

  it("ignores comments, the body, and tags after the head", () => {
    const html = `<head><!-- <meta name="${N}" content="commented"> --></head>
      <body><meta name="${N}" content="in-body"></body>`;
    expect(findMetaContents(html, N)).toEqual([]);
    expect(findMetaContents(`<meta name="${N}" content="no-head-element">`, N)).toEqual(["no-head-element"]);
    expect(findMetaContents(`<head><!-- unterminated <meta name="${N}" content="x">`, N)).toEqual([]);
  });

  it("needs both name and content", () => {
    expect(findMetaContents(`<meta name="${N}"><meta content="x">`, N)).toEqual([]);
  });
});
