import { scanEventsContract } from "@/lib/api/contract/scans";
import { serializeFinding } from "@/lib/api/serializers/finding";
import { serializeScan } from "@/lib/api/serializers/scan";
import { defineRoute } from "@/lib/http/define-route";
import { getScanRowOrThrow } from "@/lib/services/scans/get-scan";
import { watchScanEvents } from "@/lib/services/scans/watch-scan-events";
import { sseStream, type SseMessage } from "./sse";

async function* messages(input: { orgId: string; scanId: string; signal: AbortSignal; lastEventId: string | null }): AsyncGenerator<SseMessage> {
  for await (const e of watchScanEvents(input)) {
    if (e.event === "heartbeat") yield { comment: "heartbeat" };
    else if (e.event === "finding") yield { event: "finding", id: e.id, data: serializeFinding(e.finding) };
    else yield { event: e.event, id: e.id, data: serializeScan(e.scan) };
  }
}

export const GET = defineRoute(scanEventsContract, async ({ actor, params, query, req }) => {
  // 404 as JSON before the stream starts; afterwards errors can only be stream events.
  await getScanRowOrThrow({ orgId: actor.orgId, scanId: params.id });
  // EventSource sends the last `id:` it saw when it reconnects; `?last_event_id=` serves clients that can't set headers.
  const lastEventId = req.headers.get("last-event-id") ?? query.last_event_id ?? null;
  return new Response(sseStream(messages({ orgId: actor.orgId, scanId: params.id, signal: req.signal, lastEventId })), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
