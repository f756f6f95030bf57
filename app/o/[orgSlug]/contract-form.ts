import type { z } from "zod";

/** A message per field, either one for every problem or one per zod issue code (`default` for the rest). */
export type FieldMessages = Record<string, string | (Partial<Record<z.core.$ZodIssue["code"], string>> & { default?: string })>;

/**
 * Parses what a dashboard form sent with the API contract's body schema for the same operation
 * (lib/api/contract), so the dashboard and the API accept exactly the same input. The API answers with the
 * zod issues; a form shows one sentence, chosen by the first issue's field and code.
 */
export function parseWithContract<S extends z.ZodType>(
  schema: S,
  input: unknown,
  messages: FieldMessages,
  fallback: string,
): { ok: true; data: z.output<S> } | { ok: false; error: string } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const m = issue ? messages[String(issue.path[0] ?? "")] : undefined;
  if (typeof m === "string") return { ok: false, error: m };
  return { ok: false, error: (issue && m?.[issue.code]) ?? m?.default ?? fallback };
}
