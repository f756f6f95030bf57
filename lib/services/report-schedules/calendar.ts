// When a scheduled report is due, in the schedule's IANA time zone ("UTC" by default; organizations have no
// time zone of their own). Pure: Intl only, no Prisma.
//
// weekly: `day` is the ISO weekday (1 = Monday … 7 = Sunday); monthly: the day of the month, 1..28 (every month
// has it). `hour` is 0..23 local time. A local time skipped by a daylight-saving change runs an hour later.

export type Cadence = "weekly" | "monthly";

export interface ScheduleTime {
  cadence: Cadence;
  day: number;
  hour: number;
  timezone: string;
}

export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, tz: string): LocalParts {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
    formatters.set(tz, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(at)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute };
}

/** The instant at which the wall clock of `tz` shows y-m-d h:00 (the offset is found by correcting a guess). */
export function zonedTimeToUtc(year: number, month: number, day: number, hour: number, tz: string): Date {
  const wanted = Date.UTC(year, month - 1, day, hour);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const p = localParts(new Date(guess), tz);
    const diff = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - wanted;
    if (diff === 0) break;
    guess -= diff;
  }
  return new Date(guess);
}

function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The first due moment strictly after `after`. */
export function nextOccurrence(s: ScheduleTime, after: Date): Date {
  const today = localParts(after, s.timezone);
  // Start a day early: `after` may be late on a local day whose occurrence is still ahead in UTC terms.
  for (let i = -1; i < 70; i++) {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    const matches = s.cadence === "weekly" ? isoWeekday(y, m, day) === s.day : day === s.day;
    if (!matches) continue;
    const at = zonedTimeToUtc(y, m, day, s.hour, s.timezone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error(`No occurrence of ${s.cadence} day ${s.day} within 70 days`);
}

/** The calendar period an occurrence belongs to, in the schedule's zone: "2026-W49" or "2026-12". */
export function periodKey(s: Pick<ScheduleTime, "cadence" | "timezone">, occurrence: Date): string {
  const p = localParts(occurrence, s.timezone);
  if (s.cadence === "monthly") return `${p.year}-${String(p.month).padStart(2, "0")}`;
  // ISO week: the week's Thursday decides the year.
  const date = new Date(Date.UTC(p.year, p.month - 1, p.day));
  const wd = isoWeekday(p.year, p.month, p.day);
  date.setUTCDate(date.getUTCDate() + 4 - wd);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** "Weekly on Monday at 08:00 (Europe/Paris)" */
export function describeSchedule(s: ScheduleTime): string {
  const time = `${String(s.hour).padStart(2, "0")}:00`;
  const when = s.cadence === "weekly" ? `Weekly on ${WEEKDAYS[s.day - 1] ?? "?"}` : `Monthly on day ${s.day}`;
  return `${when} at ${time} (${s.timezone})`;
}
