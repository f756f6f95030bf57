// A local server speaking the OpenAI Chat Completions wire format (POST /v1/chat/completions), so the real
// openai SDK can be pointed at it with a base URL. Each request takes the next scripted behaviour (then the
// default): a valid answer, malformed JSON, a schema-violating answer, 429 with Retry-After, an HTTP error,
// or no answer at all (timeouts).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type OpenAiBehaviour =
  | { kind: "ok"; content?: unknown }
  | { kind: "malformed" }
  | { kind: "invalid" }
  | { kind: "rate_limit"; retryAfterSeconds: number }
  | { kind: "error"; status: number }
  | { kind: "hang" };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: { model?: string; messages?: { role: string; content: string }[]; response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema?: unknown } } };
}

export interface OpenAiServer {
  baseUrl: string; // http://127.0.0.1:PORT/v1
  hostPort: string; // 127.0.0.1:PORT (for PLUMB_PRIVATE_TARGET_ALLOWLIST)
  requests: RecordedRequest[];
  script(...behaviours: OpenAiBehaviour[]): void;
  setDefault(b: OpenAiBehaviour): void;
  close(): Promise<void>;
}

export const VALID_ANALYSIS = {
  summary: "Your website leaks its source code and a secret key. Fix those two this week; the rest can follow.",
  risk_score: 88,
  risk_reasons: ["The Git repository can be downloaded.", "A secret credential is visible in the page's JavaScript."],
  attack_chains: [
    {
      title: "Source code and keys can be downloaded",
      severity: "critical",
      rules: ["git-config-exposed", "exposed-secret"],
      narrative: "An attacker downloads the repository, finds how the site works and uses the exposed key.",
    },
  ],
  plan: [
    { week: 1, title: "Block /.git on the web server", why: "Stops the source leak.", rules: ["git-config-exposed"] },
    { week: 1, title: "Rotate the exposed key", why: "The key is public.", rules: ["exposed-secret"] },
    { week: 2, title: "Add a Content-Security-Policy", why: "Limits injected scripts.", rules: ["csp-missing"] },
  ],
};

function completion(model: string, content: string) {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

export async function startOpenAiServer(): Promise<OpenAiServer> {
  const queue: OpenAiBehaviour[] = [];
  let fallback: OpenAiBehaviour = { kind: "ok" };
  const requests: RecordedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: RecordedRequest["body"] = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as RecordedRequest["body"];
      } catch {
        // recorded as empty
      }
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(value));
      };
      if (req.method !== "POST" || !(req.url ?? "").endsWith("/chat/completions")) {
        json(404, { error: { message: "Unknown path", type: "invalid_request_error" } });
        return;
      }
      if (req.headers.authorization !== "Bearer sk-test-plumb") {
        json(401, { error: { message: "Incorrect API key", type: "invalid_request_error", code: "invalid_api_key" } });
        return;
      }
      const b = queue.shift() ?? fallback;
      const model = body.model ?? "test-model";
      switch (b.kind) {
        case "ok":
          json(200, completion(model, JSON.stringify(b.content ?? VALID_ANALYSIS)));
          return;
        case "malformed":
          json(200, completion(model, '{"summary": "cut off'));
          return;
        case "invalid":
          json(200, completion(model, JSON.stringify({ ...VALID_ANALYSIS, risk_score: 500, plan: [] })));
          return;
        case "rate_limit":
          json(429, { error: { message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded" } }, { "retry-after": String(b.retryAfterSeconds) });
          return;
        case "error":
          json(b.status, { error: { message: "Server error", type: "server_error" } });
          return;
        case "hang":
          hanging.add(res);
          res.on("close", () => hanging.delete(res));
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    hostPort: `127.0.0.1:${port}`,
    requests,
    script: (...b) => queue.push(...b),
    setDefault: (b) => {
      fallback = b;
    },
    close: async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
