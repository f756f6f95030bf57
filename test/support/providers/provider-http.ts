// The common part of the local provider servers (test/support/providers/*-server.ts): a real HTTP server on a
// loopback port, a record of every request (method, path, headers, body) and a queue of injected failures,
// so a test can make the next call answer 401, 429 with Retry-After or 503 exactly as the provider would.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface ProviderReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A failure the next matching request gets instead of its normal answer (the provider's own error body). */
export interface InjectedFailure {
  /** Only requests whose path contains this string; every request when absent. */
  pathIncludes?: string;
  reply: ProviderReply;
}

export interface ProviderHttpServer {
  origin: string;
  host: string;
  requests: RecordedRequest[];
  /** Queue failures; each is used once, in order. */
  fail(...failures: InjectedFailure[]): void;
  close(): Promise<void>;
}

export type ProviderHandler = (req: RecordedRequest) => ProviderReply | Promise<ProviderReply>;

/** `port`: a fixed port (the e2e server allows exactly the listed origins through its SSRF guard); 0 = any free one. */
export async function startProviderHttpServer(handler: ProviderHandler, opts: { port?: number } = {}): Promise<ProviderHttpServer> {
  const requests: RecordedRequest[] = [];
  const failures: InjectedFailure[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://local");
      const rec: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(rec);
      const i = failures.findIndex((f) => !f.pathIncludes || rec.path.includes(f.pathIncludes));
      const pending = i >= 0 ? Promise.resolve(failures.splice(i, 1)[0].reply) : Promise.resolve().then(() => handler(rec));
      pending
        .then((reply) => send(res, reply))
        .catch((err: unknown) => send(res, { status: 500, body: { message: String(err) } }));
    });
  });
  // Idle keep-alive sockets outlive the client's reuse (Node's global agent keeps them): no close/reuse race
  // (ECONNRESET) when a test spends seconds on the database between two provider calls.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    fail: (...f) => failures.push(...f),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function send(res: http.ServerResponse, reply: ProviderReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload = "";
  if (reply.body !== undefined) {
    payload = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
      headers["content-type"] = typeof reply.body === "string" ? "text/plain; charset=utf-8" : "application/json";
    }
  }
  res.writeHead(reply.status, headers);
  res.end(reply.status === 204 || reply.status === 304 ? undefined : payload);
}

export function json(status: number, body: unknown, headers?: Record<string, string>): ProviderReply {
  return { status, body, headers };
}

/** The `Authorization` header's bearer token, or its basic user:password pair. */
export function authOf(req: RecordedRequest): { bearer?: string; basic?: { user: string; password: string } } {
  const h = req.headers.authorization ?? "";
  if (/^bearer /i.test(h)) return { bearer: h.slice(7).trim() };
  if (/^basic /i.test(h)) {
    const [user, ...rest] = Buffer.from(h.slice(6).trim(), "base64").toString("utf8").split(":");
    return { basic: { user, password: rest.join(":") } };
  }
  return {};
}

export function parseJson(body: string): unknown {
  try {
    return body ? (JSON.parse(body) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
