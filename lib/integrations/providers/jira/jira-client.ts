// jira.js clients pointed at the integration's site: Version3Client (Jira Cloud, REST v3, ADF bodies) or
// Version2Client (Jira Data Center / Server, REST v2, wiki markup). Every request goes through ctx.fetch (the
// SSRF-guarded, rate-limited outbound fetch) via axios' fetch adapter, and every failure leaves as a
// ProviderError with a message in plain words.
import { Version2Client, Version3Client, HttpException } from "jira.js";
import { credentialSecret, ProviderError, type ProviderContext } from "@/lib/integrations/provider";
import { excerpt, providerErrorFromStatus, providerErrorInChain, providerNetworkError } from "@/lib/integrations/shared/http-failure";
import type { JiraConfig } from "./jira-config";

/** The calls Plumb makes, identical in shape on v2 and v3 (jira.js types each version separately). */
export interface JiraApi {
  getCurrentUser(): Promise<unknown>;
  getProject(p: { projectIdOrKey: string }): Promise<unknown>;
  getIssue(p: { issueIdOrKey: string; fields?: string[] }): Promise<unknown>;
  createIssue(p: { fields: Record<string, unknown> }): Promise<unknown>;
  editIssue(p: { issueIdOrKey: string; fields: Record<string, unknown> }): Promise<unknown>;
  getTransitions(p: { issueIdOrKey: string }): Promise<unknown>;
  doTransition(p: { issueIdOrKey: string; transition: { id: string } }): Promise<unknown>;
  addComment(p: { issueIdOrKey: string; comment: unknown }): Promise<unknown>;
}

export interface JiraClient {
  edition: "cloud" | "datacenter";
  api: JiraApi;
}

function api(c: Version2Client | Version3Client): JiraApi {
  const v = c as Version3Client;
  return {
    getCurrentUser: () => v.myself.getCurrentUser(),
    getProject: (p) => v.projects.getProject(p),
    getIssue: (p) => v.issues.getIssue(p),
    createIssue: (p) => v.issues.createIssue(p as never),
    editIssue: (p) => v.issues.editIssue(p as never),
    getTransitions: (p) => v.issues.getTransitions(p),
    doTransition: (p) => v.issues.doTransition(p),
    addComment: (p) => v.issueComments.addComment(p as never),
  };
}

export function jiraClient(ctx: ProviderContext<JiraConfig>): JiraClient {
  const cred = ctx.credential;
  // Cloud API tokens are basic auth with the account e-mail; Data Center personal access tokens and OAuth
  // access tokens are bearer tokens (jira.js sends `oauth2.accessToken` as `Authorization: Bearer`).
  const authentication =
    cred.type === "token" && cred.email
      ? { basic: { email: cred.email, apiToken: cred.token } }
      : { oauth2: { accessToken: credentialSecret(cred) } };
  const config = {
    host: ctx.apiBaseUrl.replace(/\/+$/, ""),
    authentication,
    baseRequestConfig: { adapter: "fetch" as const, env: { fetch: ctx.fetch }, timeout: 30_000, maxRedirects: 0 },
  } as ConstructorParameters<typeof Version3Client>[0];
  return ctx.config.edition === "datacenter"
    ? { edition: "datacenter", api: api(new Version2Client(config)) }
    : { edition: "cloud", api: api(new Version3Client(config)) };
}

interface AxiosLike {
  response?: { status?: number; headers?: Record<string, unknown> | { get?(n: string): unknown } };
}

function headerOf(cause: unknown, name: string): string | undefined {
  const headers = (cause as AxiosLike | undefined)?.response?.headers;
  if (!headers) return undefined;
  const getter = (headers as { get?: (n: string) => unknown }).get;
  const v = typeof getter === "function" ? getter.call(headers, name) : (headers as Record<string, unknown>)[name];
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/** Jira's error body: `{ errorMessages: string[], errors: { field: message } }`. */
function jiraDetail(data: unknown): string {
  if (!data || typeof data !== "object") return typeof data === "string" ? excerpt(data) : "";
  const d = data as { errorMessages?: unknown; errors?: unknown };
  const parts: string[] = [];
  if (Array.isArray(d.errorMessages)) parts.push(...d.errorMessages.filter((m): m is string => typeof m === "string"));
  if (d.errors && typeof d.errors === "object") {
    for (const [k, v] of Object.entries(d.errors as Record<string, unknown>)) if (typeof v === "string") parts.push(`${k}: ${v}`);
  }
  return excerpt(parts.join("; "));
}

export function toJiraError(err: unknown): ProviderError {
  const inner = providerErrorInChain(err);
  if (inner) return inner;
  if (err instanceof HttpException) {
    const resp = err.response;
    const data = typeof resp === "object" && resp !== null ? (resp as { data?: unknown }).data : undefined;
    if (!err.cause || !(err.cause as AxiosLike).response) return providerNetworkError("Jira", err.cause ?? err);
    return providerErrorFromStatus("Jira", err.status, { retryAfter: headerOf(err.cause, "retry-after"), detail: jiraDetail(data) });
  }
  return providerNetworkError("Jira", err);
}

export async function callJira<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toJiraError(err);
  }
}
