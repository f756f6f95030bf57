// Records every request of one page through CDP Network events (initiator, timing, sizes, render-blocking,
// remote address, Set-Cookie lines incl. blocked ones), and fetches capped bodies of scripts and styles.
import type { CDPSession, Protocol } from "puppeteer-core";
import type { Headers, NetworkRequest, ResourceType } from "../types";
import { isThirdParty } from "./party";
import { describeSentParams } from "./sent-params";

interface Entry {
  requestId: string;
  originalId: string; // CDP requestId (redirect hops share it)
  url: string;
  method: string;
  cdpType?: string;
  resourceType: ResourceType;
  requestHeaders: Headers;
  responseHeaders: Headers;
  status: number | null;
  failed?: string;
  mimeType?: string;
  transferBytes: number;
  bodyBytes: number;
  wallStart: number; // CDP monotonic seconds
  wallEnd: number;
  initiatorUrl?: string;
  initiatorType?: string;
  postDataBytes?: number;
  postDataSample?: string;
  fromCache?: boolean;
  renderBlocking?: boolean;
  remoteAddress?: string;
  securityDetails?: Protocol.Network.SecurityDetails;
  blockedCookies: { line: string; reasons: string[] }[];
  finished: boolean;
  isNavigation: boolean;
  frameId?: string;
  timestampMs: number; // Date.now() when first seen, for "after typing" filters
}

const TYPE_MAP: Record<string, ResourceType> = {
  Document: "document",
  Stylesheet: "stylesheet",
  Script: "script",
  Image: "image",
  Font: "font",
  Media: "media",
  XHR: "xhr",
  Fetch: "fetch",
  WebSocket: "websocket",
};

export function toHeaders(h: Record<string, unknown> | undefined): Headers {
  const out: Headers = {};
  if (!h) return out;
  for (const [k, v] of Object.entries(h)) {
    const name = k.toLowerCase();
    const value = String(v);
    out[name] = out[name] !== undefined ? `${out[name]}\n${value}` : value;
  }
  return out;
}

function initiatorUrlOf(init: Protocol.Network.Initiator): string | undefined {
  if (init.url) return init.url;
  const frames = init.stack?.callFrames ?? [];
  for (const f of frames) if (f.url) return f.url;
  let parent = init.stack?.parent;
  while (parent) {
    for (const f of parent.callFrames) if (f.url) return f.url;
    parent = parent.parent;
  }
  return undefined;
}

export interface RecordedCookieLine {
  line: string;
  responseUrl: string;
  blockedReasons?: string[];
}

export class NetworkRecorder {
  private entries = new Map<string, Entry>();
  private order: Entry[] = [];
  private navStart: number | null = null;
  readonly privateHits: { url: string; address: string }[] = [];

  constructor(
    private readonly cdp: CDPSession,
    private readonly pageUrl: () => string,
    private readonly isPrivate: ((address: string) => boolean) | null,
  ) {}

  async start(): Promise<void> {
    const c = this.cdp;
    c.on("Network.requestWillBeSent", (e: Protocol.Network.RequestWillBeSentEvent) => this.onRequest(e));
    c.on("Network.responseReceived", (e: Protocol.Network.ResponseReceivedEvent) => this.onResponse(e));
    c.on("Network.responseReceivedExtraInfo", (e: Protocol.Network.ResponseReceivedExtraInfoEvent) => this.onExtra(e));
    c.on("Network.dataReceived", (e: Protocol.Network.DataReceivedEvent) => {
      const en = this.entries.get(e.requestId);
      if (en) en.bodyBytes += e.dataLength;
    });
    c.on("Network.loadingFinished", (e: Protocol.Network.LoadingFinishedEvent) => {
      const en = this.entries.get(e.requestId);
      if (!en) return;
      en.transferBytes = e.encodedDataLength;
      en.wallEnd = e.timestamp;
      en.finished = true;
    });
    c.on("Network.loadingFailed", (e: Protocol.Network.LoadingFailedEvent) => {
      const en = this.entries.get(e.requestId);
      if (!en) return;
      en.failed = e.blockedReason ? `${e.errorText} (${e.blockedReason})` : e.errorText;
      if (en.status === null || e.canceled) en.status = en.status ?? null;
      en.wallEnd = e.timestamp;
      en.finished = true;
    });
    c.on("Network.webSocketCreated", (e: Protocol.Network.WebSocketCreatedEvent) => {
      const en = this.newEntry(e.requestId, e.url, "GET", "WebSocket", 0);
      if (e.initiator) {
        en.initiatorUrl = initiatorUrlOf(e.initiator);
        en.initiatorType = e.initiator.type;
      }
    });
    await c.send("Network.enable", { maxPostDataSize: 65_536 });
  }

  private newEntry(requestId: string, url: string, method: string, cdpType: string | undefined, timestamp: number): Entry {
    const en: Entry = {
      requestId,
      originalId: requestId,
      url,
      method,
      cdpType,
      resourceType: (cdpType && TYPE_MAP[cdpType]) || "other",
      requestHeaders: {},
      responseHeaders: {},
      status: null,
      transferBytes: 0,
      bodyBytes: 0,
      wallStart: timestamp,
      wallEnd: timestamp,
      blockedCookies: [],
      finished: false,
      isNavigation: false,
      timestampMs: Date.now(),
    };
    this.entries.set(requestId, en);
    this.order.push(en);
    return en;
  }

  private onRequest(e: Protocol.Network.RequestWillBeSentEvent): void {
    const existing = this.entries.get(e.requestId);
    if (existing && e.redirectResponse) {
      // A redirect reuses the requestId: close the previous hop as its own entry and start a new one.
      this.fillResponse(existing, e.redirectResponse);
      existing.finished = true;
      existing.wallEnd = e.timestamp;
      this.entries.delete(e.requestId);
      existing.requestId = `${e.requestId}#redirect${this.order.length}`;
      this.entries.set(existing.requestId, existing);
    }
    if (this.navStart === null && e.type === "Document") this.navStart = e.timestamp;
    const en = this.newEntry(e.requestId, e.request.url, e.request.method, e.type, e.timestamp);
    en.requestHeaders = toHeaders(e.request.headers);
    en.initiatorUrl = initiatorUrlOf(e.initiator);
    en.initiatorType = e.initiator.type;
    en.isNavigation = e.type === "Document" && e.requestId === e.loaderId;
    en.frameId = e.frameId;
    const decoded = (e.request.postDataEntries ?? []).map((p) => (p.bytes ? Buffer.from(p.bytes, "base64") : Buffer.alloc(0)));
    const postBytes = decoded.reduce((n, b) => n + b.length, 0);
    if (postBytes) {
      en.postDataBytes = postBytes;
      en.postDataSample = Buffer.concat(decoded).subarray(0, 4096).toString("utf8");
    } else if (e.request.hasPostData) en.postDataBytes = 1;
    const rb = (e.request as { renderBlockingBehavior?: string }).renderBlockingBehavior ?? (e as { renderBlockingBehavior?: string }).renderBlockingBehavior;
    if (rb) en.renderBlocking = rb === "Blocking" || rb === "InBodyParserBlocking";
    if (e.type === "Ping" || e.type === "CSPViolationReport") en.resourceType = "other";
  }

  private fillResponse(en: Entry, r: Protocol.Network.Response): void {
    en.status = r.status;
    en.responseHeaders = toHeaders(r.headers);
    en.mimeType = r.mimeType;
    en.remoteAddress = r.remoteIPAddress;
    en.fromCache = r.fromDiskCache || r.fromServiceWorker || r.fromPrefetchCache || undefined;
    if (r.securityDetails) en.securityDetails = r.securityDetails;
    if (r.remoteIPAddress && this.isPrivate && this.isPrivate(r.remoteIPAddress)) {
      this.privateHits.push({ url: en.url, address: r.remoteIPAddress });
    }
  }

  private onResponse(e: Protocol.Network.ResponseReceivedEvent): void {
    const en = this.entries.get(e.requestId);
    if (!en) return;
    this.fillResponse(en, e.response);
  }

  private onExtra(e: Protocol.Network.ResponseReceivedExtraInfoEvent): void {
    // ExtraInfo carries the raw headers (including Set-Cookie) and the cookies Chromium refused to store.
    // It may arrive before or after responseReceived, and redirect hops share one requestId, so extras are
    // queued per id and matched to that id's hops in order at reconcile time.
    const list = this.extras.get(e.requestId) ?? [];
    list.push({
      status: e.statusCode,
      headers: toHeaders(e.headers),
      blocked: (e.blockedCookies ?? []).map((b) => ({ line: b.cookieLine, reasons: b.blockedReasons })),
    });
    this.extras.set(e.requestId, list);
  }

  private extras = new Map<string, { status: number; headers: Headers; blocked: { line: string; reasons: string[] }[] }[]>();
  private reconciled = new Set<Entry>();

  private reconcile(): void {
    for (const [id, list] of this.extras) {
      const hops = this.order.filter((e) => e.originalId === id && e.status !== null);
      let k = 0;
      for (const hop of hops) {
        // skip extras whose status does not match (a hop that failed before headers)
        while (k < list.length && list[k].status !== hop.status) k++;
        if (k >= list.length) break;
        if (!this.reconciled.has(hop)) {
          hop.responseHeaders = { ...hop.responseHeaders, ...list[k].headers };
          hop.blockedCookies.push(...list[k].blocked);
          this.reconciled.add(hop);
        }
        k++;
      }
    }
  }

  /** Main document entries of the top frame (first = the navigation, redirect hops included). */
  navigationEntries(): Entry[] {
    this.reconcile();
    const first = this.order.find((e) => e.isNavigation);
    return this.order.filter((e) => e.isNavigation && e.frameId === first?.frameId);
  }

  /** Every Set-Cookie line seen, with the response that carried it and the reasons when Chromium blocked it. */
  cookieLines(): RecordedCookieLine[] {
    this.reconcile();
    const out: RecordedCookieLine[] = [];
    for (const en of this.order) {
      const blockedLines = new Set(en.blockedCookies.map((b) => b.line));
      const sc = en.responseHeaders["set-cookie"];
      if (sc) for (const line of sc.split("\n")) if (line.trim() && !blockedLines.has(line)) out.push({ line, responseUrl: en.url });
      for (const b of en.blockedCookies) out.push({ line: b.line, responseUrl: en.url, blockedReasons: b.reasons });
    }
    return out;
  }

  /** Forget everything recorded so far (a navigation is about to be retried). */
  reset(): void {
    this.entries.clear();
    this.order = [];
    this.navStart = null;
    this.extras.clear();
    this.reconciled.clear();
    this.privateHits.length = 0;
  }

  navigationStart(): number | null {
    return this.navStart;
  }

  /** Requests first seen after `sinceMs` (Date.now() clock), with a sample of their body. */
  requestsSince(sinceMs: number): { request: NetworkRequest; postDataSample?: string }[] {
    const all = this.toRequests();
    return all
      .map((request, i) => ({ request, postDataSample: this.order[i].postDataSample, at: this.order[i].timestampMs }))
      .filter((r) => r.at >= sinceMs)
      .map(({ request, postDataSample }) => ({ request, postDataSample }));
  }

  toRequests(): NetworkRequest[] {
    this.reconcile();
    const base = this.navStart ?? (this.order[0]?.wallStart ?? 0);
    const pageUrl = this.pageUrl();
    return this.order.map((en) => {
      const r: NetworkRequest = {
        url: en.url,
        method: en.method,
        resourceType: en.resourceType,
        status: en.failed && en.status === null ? null : en.status,
        requestHeaders: en.requestHeaders,
        responseHeaders: en.responseHeaders,
        transferBytes: en.transferBytes,
        bodyBytes: en.bodyBytes,
        startTime: Math.max(0, Math.round((en.wallStart - base) * 1000)),
        endTime: Math.max(0, Math.round((en.wallEnd - base) * 1000)),
        thirdParty: isThirdParty(en.url, pageUrl),
      };
      if (en.failed) r.failed = en.failed;
      if (en.mimeType) r.mimeType = en.mimeType;
      if (en.initiatorUrl) r.initiatorUrl = en.initiatorUrl;
      if (en.initiatorType) r.initiatorType = en.initiatorType;
      if (en.postDataBytes) r.postDataBytes = en.postDataBytes;
      if (en.fromCache) r.fromCache = true;
      if (en.renderBlocking !== undefined) r.renderBlocking = en.renderBlocking;
      if (en.remoteAddress) r.remoteAddress = en.remoteAddress;
      // What a third party received, as names and kinds of values (the body sample stays in here).
      if (r.thirdParty && (en.url.includes("?") || en.postDataSample)) {
        const sent = describeSentParams({ url: en.url, pageUrl, body: en.postDataSample, contentType: en.requestHeaders["content-type"] });
        if (sent.length) r.sentParams = sent;
      }
      return r;
    });
  }

  securityDetailsOf(url: string): Protocol.Network.SecurityDetails | undefined {
    const nav = this.order.find((e) => e.isNavigation && e.url === url && e.securityDetails);
    return nav?.securityDetails ?? this.order.find((e) => e.isNavigation && e.securityDetails)?.securityDetails;
  }

  /**
   * Capped bodies of finished script/stylesheet responses, keyed by request index in toRequests().
   * Chromium may have evicted some bodies; those stay undefined.
   */
  async fetchBodies(opts: { maxCount: number; maxChars: number; deadline: number }): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    const wanted = this.order
      .map((en, i) => ({ en, i }))
      .filter(({ en }) => en.finished && !en.failed && (en.resourceType === "script" || en.resourceType === "stylesheet") && en.status !== null && en.status < 400)
      .slice(0, opts.maxCount);
    await Promise.all(
      wanted.map(async ({ en, i }) => {
        if (Date.now() > opts.deadline) return;
        try {
          const res = (await this.cdp.send("Network.getResponseBody", { requestId: en.requestId })) as Protocol.Network.GetResponseBodyResponse;
          const text = res.base64Encoded ? Buffer.from(res.body, "base64").toString("utf8") : res.body;
          out.set(i, text.length > opts.maxChars ? text.slice(0, opts.maxChars) : text);
        } catch {
          // body no longer available (evicted, or a redirect hop); nothing to scan
        }
      }),
    );
    return out;
  }
}
