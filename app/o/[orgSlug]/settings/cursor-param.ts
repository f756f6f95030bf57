import { z } from "zod";

/** The ?cursor= of a settings list, or undefined when absent or obviously not one of ours. */
export function cursorParam(raw: Record<string, string | string[] | undefined>): string | undefined {
  const v = Array.isArray(raw.cursor) ? raw.cursor[0] : raw.cursor;
  const parsed = z.string().min(1).max(200).regex(/^[A-Za-z0-9_-]+$/).safeParse(v);
  return parsed.success ? parsed.data : undefined;
}
