import { describe, expect, it } from "vitest";
import { readSse } from "@/components/scans/sse-reader";
import { sseStream } from "@/app/api/v1/scans/[id]/events/sse";
import { adviceFor, QUESTIONS, scoreAnswers } from "@/components/public/self-audit-questions";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(enc.encode(ch));
      c.close();
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>) {
  const out = [];
  for await (const e of readSse(body, new AbortController().signal)) out.push(e);
  return out;
}

describe("readSse (the dashboard's fetch-based reader of /scans/{id}/events)", () => {
  it("reassembles events split across chunks and skips comments and retry lines", async () => {
    const events = await collect(
      streamOf(["retry: 2000\n: connected\n\nevent: prog", 'ress\ndata: {"a":1}\n', "\n: heartbeat\n\nevent: done\r\ndata: 2\r\n\r\n"]),
    );
    expect(events).toEqual([
      { event: "progress", data: '{"a":1}' },
      { event: "done", data: "2" },
    ]);
  });

  it("reads exactly what the API's encoder writes", async () => {
    async function* messages() {
      yield { event: "finding", data: { title: "a\nb <script>" } };
      yield { comment: "heartbeat" };
      yield { event: "done", data: { status: "succeeded" } };
    }
    const events = await collect(sseStream(messages()));
    expect(events.map((e) => [e.event, JSON.parse(e.data)])).toEqual([
      ["finding", { title: "a\nb <script>" }],
      ["done", { status: "succeeded" }],
    ]);
  });
});

describe("self-audit scoring", () => {
  it("all yes is 100 with no advice; all no is 0 with advice for every question, heaviest first", () => {
    const all = (a: "yes" | "no") => Object.fromEntries(QUESTIONS.map((q) => [q.id, a]));
    expect(scoreAnswers(all("yes"))).toBe(100);
    expect(adviceFor(all("yes"))).toEqual([]);
    expect(scoreAnswers(all("no"))).toBe(0);
    const advice = adviceFor(all("no"));
    expect(advice).toHaveLength(QUESTIONS.length);
    expect(advice[0].weight).toBe(Math.max(...QUESTIONS.map((q) => q.weight)));
  });

  it("'not sure' and missing answers count as no", () => {
    const https = QUESTIONS.find((q) => q.id === "https")!;
    const total = QUESTIONS.reduce((n, q) => n + q.weight, 0);
    expect(scoreAnswers({ https: "yes", headers: "unsure" })).toBe(Math.round((https.weight / total) * 100));
  });
});
