/** Where a command writes: one JSON document on stdout with --json, readable lines otherwise. */
export interface Output {
  json: boolean;
  /** The command's result: `data` as JSON, or the human lines. */
  result(data: unknown, human: string[]): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(data, human) {
      process.stdout.write(json ? JSON.stringify(data, null, 2) + "\n" : human.join("\n") + "\n");
    },
  };
}

/** Errors go to stderr; with --json also as `{ "error": { code, message } }` on stdout for scripts. */
export function printError(json: boolean, code: string, message: string): void {
  if (json) process.stdout.write(JSON.stringify({ error: { code, message } }, null, 2) + "\n");
  process.stderr.write(`plumb: ${message}\n`);
}
