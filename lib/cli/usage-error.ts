/** Bad command-line input: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
