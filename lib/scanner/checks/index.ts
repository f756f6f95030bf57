// The check registry: every pillar folder exports `checks`; the engine runs them all (filtered by pillar).
import type { CheckDefinition, Pillar } from "../types";
import { checks as accessibility } from "./accessibility";
import { checks as cookies } from "./cookies";
import { checks as performance } from "./performance";
import { checks as privacy } from "./privacy";
import { checks as security } from "./security";
import { checks as seo } from "./seo";
import { checks as trackers } from "./trackers";

export const allChecks: CheckDefinition[] = [
  ...accessibility,
  ...security,
  ...cookies,
  ...trackers,
  ...privacy,
  ...performance,
  ...seo,
];

export function checksFor(pillars?: readonly Pillar[]): CheckDefinition[] {
  if (!pillars || pillars.length === 0) return allChecks;
  const wanted = new Set(pillars);
  return allChecks.filter((c) => wanted.has(c.pillar));
}
