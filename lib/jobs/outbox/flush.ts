// The seam between services (which only write outbox rows) and the dispatcher (which needs the job engine or
// the Inngest client). The process that runs background work registers its dispatcher here at start
// (lib/jobs/start.ts); services call flushOutbox() after their commit. Kept on globalThis because Next.js
// may load this module more than once (instrumentation and route bundles).

type Dispatcher = () => Promise<unknown>;

const g = globalThis as unknown as { __plumbOutboxDispatcher?: Dispatcher };

export function registerOutboxDispatcher(dispatcher: Dispatcher | undefined): void {
  g.__plumbOutboxDispatcher = dispatcher;
}

/**
 * Sends the outbox rows committed so far, now, when this process has a dispatcher (every role does once
 * started). Never throws: a row that could not be sent stays in the outbox and the sweeper sends it later.
 * Call it after the transaction that wrote the rows has committed, never inside it.
 */
export async function flushOutbox(): Promise<void> {
  const dispatch = g.__plumbOutboxDispatcher;
  if (!dispatch) return;
  try {
    await dispatch();
  } catch (err) {
    console.warn(`[jobs] outbox dispatch failed, the sweeper will retry: ${(err as Error).message}`);
  }
}
