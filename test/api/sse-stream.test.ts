import { describe, expect, it, vi } from "vitest";
import { sseStream, type SseMessage } from "@/app/api/v1/scans/[id]/events/sse";

describe("sseStream", () => {
  it("encodes events and comments, then closes when the producer is done", async () => {
    async function* messages(): AsyncGenerator<SseMessage> {
      yield { event: "progress", data: { pages_done: 1 } };
      yield { comment: "heartbeat" };
    }
    const text = await new Response(sseStream(messages())).text();
    expect(text).toBe('retry: 2000\n: connected\n\nevent: progress\ndata: {"pages_done":1}\n\n: heartbeat\n\n');
  });

  it("stops quietly when the client leaves while a message is pending", async () => {
    let release: (v: IteratorResult<SseMessage>) => void = () => undefined;
    const returned = vi.fn(async () => ({ done: true as const, value: undefined }));
    const iterator: AsyncIterator<SseMessage> = {
      next: () => new Promise((resolve) => (release = resolve)),
      return: returned,
    };
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const reader = sseStream(iterator).getReader();
    await reader.read(); // the "connected" preamble
    const pending = reader.read(); // pull() now waits on next()
    await new Promise((r) => setTimeout(r, 10));
    await reader.cancel();
    release({ done: false, value: { event: "progress", data: {} } });
    await new Promise((r) => setTimeout(r, 10));
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(returned).toHaveBeenCalledOnce();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
