const shortDate = new Intl.DateTimeFormat("en", { month: "short", day: "numeric" });
const dayAndTime = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
const dayAndSeconds = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" });

/** The coarsest date format that still tells every point apart (scans minutes apart need the time). */
export function trendFormat(points: { finishedAt: Date }[]): Intl.DateTimeFormat {
  const distinct = (f: Intl.DateTimeFormat) => new Set(points.map((p) => f.format(p.finishedAt))).size === points.length;
  return [shortDate, dayAndTime].find(distinct) ?? dayAndSeconds;
}
