import { flushOutbox } from "@/lib/jobs/outbox";

/**
 * Starts delivery of mail queued by queueMail(), after its transaction committed: the delivery jobs are
 * already in the job outbox (same transaction as the mail), so this only flushes it. Never throws: the
 * outbox sweeper re-sends what is left unsent.
 *
 * `deferToSweeper`: the caller works on a database of its own (a service given an explicit client — the
 * CLI, tests), where this process's job engine must not send; the rows wait for the server's sweeper.
 */
export async function dispatchMail(input: { mailIds: string[]; deferToSweeper?: boolean }): Promise<void> {
  if (input.mailIds.length === 0 || input.deferToSweeper) return;
  await flushOutbox();
}
