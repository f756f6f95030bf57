/** The numeric entries of a stored timings JSON (anything else is dropped). */
export function asTimings(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (typeof v === "number") out[k] = v;
  }
  return out;
}
