/** A configuration problem: the message lists every offending variable and is meant for the operator. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}
