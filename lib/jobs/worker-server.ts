// The worker's own HTTP endpoint in Inngest mode: Inngest calls the browser-heavy functions here (its own
// Inngest app, "plumb-worker"), never on the web instances. Also answers GET /healthz for orchestrators.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "inngest/node";
import { inngestWorkerClient } from "@/inngest/client";
import { heavyFunctions } from "@/inngest/functions";

export interface WorkerServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startWorkerServer(opts: { port: number; host?: string }): Promise<WorkerServer> {
  const handler = serve({ client: inngestWorkerClient(), functions: heavyFunctions, servePath: "/api/inngest" });
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, role: "worker" }));
      return;
    }
    if (path === "/api/inngest") return void handler(req, res);
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/api/inngest`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
