// Link text that says nothing about the destination ("click here", "read more"). Search engines use
// anchor text to understand the linked page; screen-reader users often browse a list of links out of
// context. The phrase list follows Lighthouse's link-text audit (English plus common European languages).
import type { CheckDefinition, CheckResult, LinkFact } from "../../types";
import { fail } from "../shared/result";
import { isIndexablePage } from "./pages";

const GENERIC = new Set([
  // en
  "click here", "click this", "click", "go", "here", "information", "learn more", "more", "more info",
  "more information", "right here", "read more", "see more", "start", "this", "link", "continue", "details",
  "this link", "this page", "more details", "find out more",
  // de
  "hier", "hier klicken", "klicken sie hier", "mehr", "mehr erfahren", "weiterlesen", "mehr lesen", "weiter",
  // fr
  "ici", "cliquez ici", "cliquez", "en savoir plus", "plus", "lire la suite", "suite", "plus d'informations",
  // es
  "aquí", "haga clic aquí", "haz clic aquí", "más", "leer más", "más información", "saber más",
  // pt
  "aqui", "clique aqui", "saiba mais", "leia mais", "mais",
  // it
  "qui", "clicca qui", "leggi di più", "scopri di più", "altro",
  // nl
  "klik hier", "lees meer", "meer", "meer informatie",
]);

export function normalizeLinkText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/^[\s«‹<(\[]+|[\s.…:!?»›>→)\]]+$/g, "")
    .trim();
}

function hasDescriptiveLabel(link: LinkFact): boolean {
  const label = normalizeLinkText(link.ariaLabel ?? "");
  return label !== "" && !GENERIC.has(label);
}

export const linkText: CheckDefinition = {
  rule: "seo-link-text",
  pillar: "seo",
  severity: "low",
  weight: 2,
  title: "Links without descriptive text",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    // In-page links (href="#", "#menu") are widget toggles rather than navigation; search engines skip them.
    const here = (page.finalUrl || page.url).split("#")[0];
    const links = page.dom.links.filter((l) => !l.nofollow && !(l.href.includes("#") && l.href.split("#")[0] === here));
    if (links.length === 0) return "n/a";
    const generic = new Map<string, string[]>();
    const empty: string[] = [];
    for (const l of links) {
      const text = normalizeLinkText(l.text);
      if (text === "") {
        // Judged only when gather reports image alt text: otherwise an image link would look empty.
        if (l.imageAlt !== undefined && l.imageAlt.trim() === "" && !hasDescriptiveLabel(l) && !(l.title ?? "").trim()) empty.push(l.href);
        continue;
      }
      if (!GENERIC.has(text) || hasDescriptiveLabel(l)) continue;
      generic.set(text, [...(generic.get(text) ?? []), l.href]);
    }
    const results: CheckResult[] = [];
    for (const [text, hrefs] of generic) {
      results.push(
        fail(linkText, {
          url: page.url,
          title: `Links with non-descriptive text "${text}"`,
          description: `${hrefs.length} link${hrefs.length > 1 ? "s" : ""} on this page read${hrefs.length > 1 ? "" : "s"} "${text}". Search engines use link text to understand the target page, and screen-reader users listing links hear only "${text}".`,
          fix: 'Make the link text say where it goes, e.g. "Read the 2024 pricing guide" instead of "Read more" (or add the context inside the link; a visually hidden span works).',
          evidence: hrefs.slice(0, 10).map((h) => `"${text}" -> ${h}`).join("\n"),
          key: text,
        }),
      );
    }
    if (empty.length > 0) {
      results.push(
        fail(linkText, {
          url: page.url,
          title: "Links with no text at all",
          description: `${empty.length} link${empty.length > 1 ? "s have" : " has"} no text, no image alt text and no label. Search engines get no anchor text and screen readers announce only the URL.`,
          fix: 'Give each link visible text, alt text on its image, or an aria-label (e.g. <a href="/cart" aria-label="Shopping cart"><svg …></a>).',
          evidence: empty.slice(0, 10).join("\n"),
          key: "(empty)",
        }),
      );
    }
    return results;
  },
};
