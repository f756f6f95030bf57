import type { Pillar } from "@/generated/prisma/enums";

// The free self-audit: a few yes/no questions a site owner can answer without tools, one or two per pillar.
// The score is the weighted share of "yes" answers; "not sure" counts as no, because an unknown is a risk.

export type Answer = "yes" | "no" | "unsure";

export interface Question {
  id: string;
  pillar: Pillar;
  text: string;
  weight: number;
  advice: string;
}

export const QUESTIONS: readonly Question[] = [
  { id: "https", pillar: "security", weight: 3, text: "Does every page load over HTTPS, with HTTP redirecting to it?", advice: "Serve everything over HTTPS, redirect HTTP to HTTPS and add a Strict-Transport-Security header." },
  { id: "headers", pillar: "security", weight: 2, text: "Does the site send a Content-Security-Policy header?", advice: "Start with a report-only Content-Security-Policy, fix what it reports, then enforce it." },
  { id: "consent", pillar: "cookies", weight: 2, text: "Are non-essential cookies set only after the visitor agrees?", advice: "Load analytics and advertising cookies only after consent; essential cookies need no banner." },
  { id: "trackers", pillar: "trackers", weight: 2, text: "Do you know every third-party script the site loads, and why?", advice: "List every third-party script, remove the ones nobody uses and load the rest only after consent." },
  { id: "privacy", pillar: "privacy", weight: 2, text: "Is there a privacy policy that names the data you collect and who receives it?", advice: "Publish a privacy policy linked from every page that lists the data collected, why, and every processor." },
  { id: "alt", pillar: "accessibility", weight: 2, text: "Do all meaningful images have a text alternative, and can the site be used by keyboard alone?", advice: "Give images alt text, make every control reachable and visible with the keyboard, and label every form field." },
  { id: "speed", pillar: "performance", weight: 2, text: "Does the main content appear within about 2.5 seconds on a phone?", advice: "Compress and size images, defer non-critical scripts, and cache static files for a long time." },
  { id: "seo", pillar: "seo", weight: 1, text: "Does every page have a unique title and meta description?", advice: "Write a unique title (under 60 characters) and description for each page, and publish a sitemap.xml." },
];

export function scoreAnswers(answers: Partial<Record<string, Answer>>): number {
  const total = QUESTIONS.reduce((n, q) => n + q.weight, 0);
  const earned = QUESTIONS.reduce((n, q) => n + (answers[q.id] === "yes" ? q.weight : 0), 0);
  return Math.round((earned / total) * 100);
}

/** Advice for every question not answered "yes", heaviest first. */
export function adviceFor(answers: Partial<Record<string, Answer>>): Question[] {
  return QUESTIONS.filter((q) => answers[q.id] !== "yes").sort((a, b) => b.weight - a.weight);
}
