import { scanEventsContract } from "@/lib/api/contract/scans";
import { serializeFinding } from "@/lib/api/serializers/finding";
import { serializeScan } from "@/lib/api/serializers/scan";
import { defineRoute } from "@/lib/http/define-route";
import { getScanRowOrThrow } from "@/lib/services/scans/get-scan";
import { watchScanEvents } from "@/lib/services/scans/watch-scan-events";
import { sseStream, type SseMessage } from "./sse";

async function* messages(orgId: string, scanId: string, signal: AbortSignal): AsyncGenerator<SseMessage> {
  for await (const e of watchScanEvents({ orgId, scanId, signal })) {
    if (e.event === "heartbeat") yield { comment: "heartbeat" };
    else if (e.event === "finding") yield { event: "finding", data: serializeFinding(e.finding) };
    else yield { event: e.event, data: serializeScan(e.scan) };
  }
}

export const GET = defineRoute(scanEventsContract, async ({ actor, params, req }) => {
  // 404 as JSON before the stream starts; afterwards errors can only be stream events.
  await getScanRowOrThrow({ orgId: actor.orgId, scanId: params.id });
  return new Response(sseStream(messages(actor.orgId, params.id, req.signal)), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
