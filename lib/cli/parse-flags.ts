import { parseArgs } from "node:util";
import { UsageError } from "./usage-error";

type FlagSpec = Record<string, { type: "string" | "boolean" }>;
type Parsed<S extends FlagSpec> = { [K in keyof S]?: S[K]["type"] extends "string" ? string : boolean };

/** Strict --flag parsing: unknown flags and stray positionals are usage errors, not silently ignored. */
export function parseFlags<S extends FlagSpec>(argv: string[], spec: S, usage: string): Parsed<S> {
  try {
    const { values } = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false });
    return values as Parsed<S>;
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ""), usage);
  }
}

export function requireFlag(value: string | undefined, name: string, usage: string): string {
  if (value === undefined || value.trim() === "") throw new UsageError(`--${name} is required.`, usage);
  return value;
}
