/** One Server-Sent Event: a named event with JSON data, or a comment line (heartbeat). */
export type SseMessage = { event: string; id?: string; data: unknown } | { comment: string };

/**
 * Encodes messages as text/event-stream. Pull-based, so a slow client slows the producer instead of
 * buffering; canceling the response (client gone) ends the producer.
 */
export function sseStream(messages: AsyncIterator<SseMessage>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // A client can leave while pull() awaits the next message; the stream is closed by then, and enqueueing
  // into it would throw "Controller is already closed".
  let canceled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("retry: 2000\n: connected\n\n"));
    },
    async pull(controller) {
      try {
        const next = await messages.next();
        if (canceled) return;
        if (next.done) {
          controller.close();
          return;
        }
        const m = next.value;
        const id = "comment" in m || m.id === undefined ? "" : `id: ${m.id.replace(/[\r\n]/g, "")}\n`;
        controller.enqueue(encoder.encode("comment" in m ? `: ${m.comment}\n\n` : `event: ${m.event}\n${id}data: ${JSON.stringify(m.data)}\n\n`));
      } catch (err) {
        if (canceled) return;
        // The client learns only that the stream broke; the cause goes to the server log.
        console.error("[api] scan events stream failed:", err);
        controller.enqueue(encoder.encode(`event: error\ndata: {"message":"The progress stream failed."}\n\n`));
        controller.close();
      }
    },
    async cancel() {
      canceled = true;
      await messages.return?.(undefined);
    },
  });
}
