import { env } from "@/lib/env";

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a deletion requested at `now` takes effect: PLUMB_DELETION_GRACE_DAYS later. */
export function deletionDate(now: Date): Date {
  return new Date(now.getTime() + env().PLUMB_DELETION_GRACE_DAYS * DAY_MS);
}
