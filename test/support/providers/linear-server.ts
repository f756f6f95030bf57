// A local Linear: its GraphQL endpoint (`POST /graphql`) executing the real queries and mutations @linear/sdk
// sends against a subset of Linear's schema (types, input objects and arguments as Linear names them; fields
// outside the subset are simply absent from answers). Auth as Linear: `Authorization: <personal API key>` or
// `Bearer <OAuth token>`; errors as Linear: GraphQL `errors` with `extensions.code` (AUTHENTICATION_ERROR,
// INVALID_INPUT, RATELIMITED with the X-RateLimit-Requests-* headers).
import { createHmac, randomUUID } from "node:crypto";
import { buildSchema, execute, GraphQLError, parse } from "graphql";
import { authOf, json, parseJson, startProviderHttpServer, type ProviderHttpServer } from "./provider-http";

const SDL = /* GraphQL */ `
  scalar DateTime
  enum PaginationOrderBy { createdAt updatedAt }
  input IDComparator { eq: ID, neq: ID, in: [ID!] }
  input StringComparator { eq: String, neq: String, in: [String!], eqIgnoreCase: String }
  input DateComparator { gt: DateTime, gte: DateTime, lt: DateTime, lte: DateTime }
  input TeamFilter { id: IDComparator, key: StringComparator }
  input NullableTeamFilter { id: IDComparator, null: Boolean }
  input WorkflowStateFilter { id: IDComparator, name: StringComparator, type: StringComparator, team: TeamFilter }
  input IssueLabelFilter { id: IDComparator, name: StringComparator, team: NullableTeamFilter }
  input IssueFilter { id: IDComparator, team: TeamFilter, updatedAt: DateComparator, labels: IssueLabelCollectionFilter }
  input IssueLabelCollectionFilter { some: IssueLabelFilter }
  input IssueSortInput { priority: PrioritySort }
  input PrioritySort { order: String }
  input IssueCreateInput { id: String, teamId: String!, title: String, description: String, labelIds: [String!], assigneeId: String, stateId: String, priority: Int }
  input IssueUpdateInput { title: String, description: String, labelIds: [String!], assigneeId: String, stateId: String, priority: Int }
  input IssueLabelCreateInput { id: String, name: String!, teamId: String, color: String, description: String }
  input CommentCreateInput { id: String, issueId: String, body: String }
  type PageInfo { hasNextPage: Boolean!, hasPreviousPage: Boolean!, startCursor: String, endCursor: String }
  type User { id: ID!, name: String!, displayName: String!, email: String!, active: Boolean!, admin: Boolean!, createdAt: DateTime!, updatedAt: DateTime!, url: String! }
  type Team { id: ID!, key: String!, name: String!, createdAt: DateTime!, updatedAt: DateTime! }
  type WorkflowState { id: ID!, name: String!, type: String!, color: String!, position: Float!, team: Team!, createdAt: DateTime!, updatedAt: DateTime! }
  type WorkflowStateConnection { nodes: [WorkflowState!]!, pageInfo: PageInfo! }
  type IssueLabel { id: ID!, name: String!, color: String!, team: Team, createdAt: DateTime!, updatedAt: DateTime! }
  type IssueLabelConnection { nodes: [IssueLabel!]!, pageInfo: PageInfo! }
  type Reaction { id: ID!, emoji: String! }
  type IssueSharedAccess { isShared: Boolean!, sharedWithCount: Int!, viewerHasOnlySharedAccess: Boolean!, disallowedIssueFields: [String!]!, sharedWithUsers: [User!]! }
  type Issue { sharedAccess: IssueSharedAccess!, reactions: [Reaction!]!, id: ID!, identifier: String!, number: Float!, title: String!, description: String, url: String!, priority: Float!, labelIds: [String!]!, state: WorkflowState!, team: Team!, assignee: User, createdAt: DateTime!, updatedAt: DateTime!, completedAt: DateTime, canceledAt: DateTime }
  type IssueConnection { nodes: [Issue!]!, pageInfo: PageInfo! }
  type Comment { reactions: [Reaction!]!, id: ID!, body: String!, issue: Issue, createdAt: DateTime!, updatedAt: DateTime! }
  type IssuePayload { lastSyncId: Float!, success: Boolean!, issue: Issue }
  type IssueLabelPayload { lastSyncId: Float!, success: Boolean!, issueLabel: IssueLabel! }
  type CommentPayload { lastSyncId: Float!, success: Boolean!, comment: Comment! }
  type Query {
    viewer: User!
    team(id: String!): Team!
    issue(id: String!): Issue!
    workflowState(id: String!): WorkflowState!
    workflowStates(after: String, before: String, filter: WorkflowStateFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): WorkflowStateConnection!
    issueLabels(after: String, before: String, filter: IssueLabelFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): IssueLabelConnection!
    issues(after: String, before: String, filter: IssueFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy, sort: [IssueSortInput!]): IssueConnection!
  }
  type Mutation {
    issueCreate(input: IssueCreateInput!): IssuePayload!
    issueUpdate(id: String!, input: IssueUpdateInput!): IssuePayload!
    issueLabelCreate(input: IssueLabelCreateInput!, replaceTeamLabels: Boolean): IssueLabelPayload!
    commentCreate(input: CommentCreateInput!): CommentPayload!
  }
`;
const schema = buildSchema(SDL);

export interface LinearIssueState {
  id: string;
  identifier: string;
  number: number;
  title: string;
  description: string | null;
  labelIds: string[];
  assigneeId: string | null;
  stateId: string;
  createdAt: Date;
  updatedAt: Date;
  comments: string[];
}

export interface LinearServer extends ProviderHttpServer {
  apiUrl: string;
  teamId: string;
  userIds: string[];
  issues: Map<string, LinearIssueState>;
  labels: Map<string, { id: string; name: string; teamId: string | null }>;
  states: { id: string; name: string; type: string; position: number }[];
  addKey(key: string): void;
  revoke(key: string): void;
  /** Moves an issue to a state of this type, as a person would in Linear (bumps updatedAt). */
  setStateType(id: string, type: "backlog" | "unstarted" | "started" | "completed" | "canceled"): LinearIssueState;
  /** A webhook delivery as Linear sends it, signed with `secret` (`Linear-Signature`: hex HMAC-SHA256 of the body). */
  webhook(id: string, opts: { secret: string; timestamp?: number; delivery?: string; action?: string }): { headers: Record<string, string>; rawBody: string };
}

class LinearGqlError extends GraphQLError {
  constructor(message: string, code: string, type: string) {
    super(message, { extensions: { code, type, userPresentableMessage: message, userError: code === "INVALID_INPUT" } });
  }
}

export async function startLinearServer(): Promise<LinearServer> {
  const keys = new Set<string>();
  const revoked = new Set<string>();
  const teamId = randomUUID();
  const team = { id: teamId, key: "WEB", name: "Website", createdAt: new Date(0), updatedAt: new Date(0) };
  const users = [
    { id: randomUUID(), name: "Plumb Bot", displayName: "plumb", email: "bot@example.com", active: true, admin: false, createdAt: new Date(0), updatedAt: new Date(0), url: "https://linear.app/acme/profiles/plumb" },
    { id: randomUUID(), name: "Ada Lovelace", displayName: "ada", email: "ada@example.com", active: true, admin: true, createdAt: new Date(0), updatedAt: new Date(0), url: "https://linear.app/acme/profiles/ada" },
  ];
  const states = [
    { id: randomUUID(), name: "Backlog", type: "backlog", color: "#bec2c8", position: 0 },
    { id: randomUUID(), name: "Todo", type: "unstarted", color: "#e2e2e2", position: 1 },
    { id: randomUUID(), name: "In Progress", type: "started", color: "#f2c94c", position: 2 },
    { id: randomUUID(), name: "Done", type: "completed", color: "#5e6ad2", position: 3 },
    { id: randomUUID(), name: "Canceled", type: "canceled", color: "#95a2b3", position: 4 },
  ];
  const labels = new Map<string, { id: string; name: string; teamId: string | null }>();
  const issues = new Map<string, LinearIssueState>();
  let number = 0;
  let syncId = 1000;
  let clock = Date.now();
  const tick = () => new Date((clock = Math.max(clock + 1000, Date.now())));

  const stateObj = (id: string) => {
    const s = states.find((x) => x.id === id)!;
    return { ...s, team, createdAt: new Date(0), updatedAt: new Date(0) };
  };
  const labelObj = (l: { id: string; name: string; teamId: string | null }) => ({ ...l, color: "#bec2c8", team: l.teamId ? team : null, createdAt: new Date(0), updatedAt: new Date(0) });
  const issueObj = (i: LinearIssueState) => {
    const s = states.find((x) => x.id === i.stateId)!;
    return {
      ...i,
      url: `https://linear.app/acme/issue/${i.identifier.toLowerCase()}/${i.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 40)}`,
      priority: 0,
      sharedAccess: { isShared: false, sharedWithCount: 0, viewerHasOnlySharedAccess: false, disallowedIssueFields: [], sharedWithUsers: [] },
      reactions: [],
      state: stateObj(i.stateId),
      team,
      assignee: users.find((u) => u.id === i.assigneeId) ?? null,
      completedAt: s.type === "completed" ? i.updatedAt : null,
      canceledAt: s.type === "canceled" ? i.updatedAt : null,
    };
  };
  const page = <T>(nodes: T[]) => ({ nodes, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  const findIssue = (id: string) => {
    const i = issues.get(id) ?? [...issues.values()].find((x) => x.identifier === id);
    if (!i) throw new LinearGqlError("Entity not found: Issue", "INVALID_INPUT", "invalid input");
    return i;
  };
  const checkLabels = (ids: string[] | undefined) => {
    for (const id of ids ?? []) if (!labels.has(id)) throw new LinearGqlError(`Argument Validation Error: label ${id} does not exist`, "INVALID_INPUT", "invalid input");
  };
  const checkAssignee = (id: string | null | undefined) => {
    if (id && !users.some((u) => u.id === id)) throw new LinearGqlError("Argument Validation Error: assigneeId must be a user of the workspace", "INVALID_INPUT", "invalid input");
  };
  type Cmp = { eq?: string; in?: string[]; eqIgnoreCase?: string } | undefined;
  const match = (v: string, c: Cmp) => !c || ((c.eq === undefined || c.eq === v) && (c.in === undefined || c.in.includes(v)) && (c.eqIgnoreCase === undefined || c.eqIgnoreCase.toLowerCase() === v.toLowerCase()));

  const root = {
    viewer: () => users[0],
    team: ({ id }: { id: string }) => {
      if (id !== teamId && id !== team.key) throw new LinearGqlError("Entity not found: Team", "INVALID_INPUT", "invalid input");
      return team;
    },
    issue: ({ id }: { id: string }) => issueObj(findIssue(id)),
    workflowState: ({ id }: { id: string }) => stateObj(id),
    workflowStates: ({ filter }: { filter?: { type?: Cmp; name?: Cmp; team?: { id?: Cmp } } }) =>
      page(states.filter((s) => match(s.type, filter?.type) && match(s.name, filter?.name) && match(teamId, filter?.team?.id)).map((s) => stateObj(s.id))),
    issueLabels: ({ filter }: { filter?: { name?: Cmp } }) => page([...labels.values()].filter((l) => match(l.name, filter?.name)).map(labelObj)),
    issues: ({ filter }: { filter?: { updatedAt?: { gte?: string; gt?: string } } }) =>
      page([...issues.values()].filter((i) => !filter?.updatedAt?.gt || i.updatedAt > new Date(filter.updatedAt.gt)).map(issueObj)),
    issueCreate: ({ input }: { input: { teamId: string; title?: string; description?: string; labelIds?: string[]; assigneeId?: string; stateId?: string } }) => {
      if (input.teamId !== teamId) throw new LinearGqlError("Argument Validation Error: teamId must be a valid team", "INVALID_INPUT", "invalid input");
      if (!input.title?.trim()) throw new LinearGqlError("Argument Validation Error: title should not be empty", "INVALID_INPUT", "invalid input");
      checkLabels(input.labelIds);
      checkAssignee(input.assigneeId);
      const id = randomUUID();
      number += 1;
      const now = tick();
      const issue: LinearIssueState = { id, identifier: `${team.key}-${number}`, number, title: input.title, description: input.description ?? null, labelIds: input.labelIds ?? [], assigneeId: input.assigneeId ?? null, stateId: input.stateId ?? states[1].id, createdAt: now, updatedAt: now, comments: [] };
      issues.set(id, issue);
      return { lastSyncId: ++syncId, success: true, issue: issueObj(issue) };
    },
    issueUpdate: ({ id, input }: { id: string; input: { title?: string; description?: string; labelIds?: string[]; assigneeId?: string | null; stateId?: string } }) => {
      const issue = findIssue(id);
      if (input.stateId && !states.some((s) => s.id === input.stateId)) throw new LinearGqlError("Argument Validation Error: stateId must be a state of the issue's team", "INVALID_INPUT", "invalid input");
      if (input.title !== undefined && !input.title.trim()) throw new LinearGqlError("Argument Validation Error: title should not be empty", "INVALID_INPUT", "invalid input");
      checkLabels(input.labelIds);
      checkAssignee(input.assigneeId);
      Object.assign(issue, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
      issue.updatedAt = tick();
      return { lastSyncId: ++syncId, success: true, issue: issueObj(issue) };
    },
    issueLabelCreate: ({ input }: { input: { name: string; teamId?: string } }) => {
      if ([...labels.values()].some((l) => l.name.toLowerCase() === input.name.toLowerCase())) throw new LinearGqlError("Duplicate label name", "INVALID_INPUT", "invalid input");
      const l = { id: randomUUID(), name: input.name, teamId: input.teamId ?? null };
      labels.set(l.id, l);
      return { lastSyncId: ++syncId, success: true, issueLabel: labelObj(l) };
    },
    commentCreate: ({ input }: { input: { issueId?: string; body?: string } }) => {
      const issue = findIssue(input.issueId ?? "");
      if (!input.body?.trim()) throw new LinearGqlError("Argument Validation Error: body should not be empty", "INVALID_INPUT", "invalid input");
      issue.comments.push(input.body);
      issue.updatedAt = tick();
      return { lastSyncId: ++syncId, success: true, comment: { id: randomUUID(), reactions: [], body: input.body, issue: issueObj(issue), createdAt: issue.updatedAt, updatedAt: issue.updatedAt } };
    },
  };

  const server = await startProviderHttpServer(async (req) => {
    if (req.path !== "/graphql" || req.method !== "POST") return json(404, { errors: [{ message: "Not found" }] });
    const a = authOf(req);
    const key = a.bearer ?? (req.headers.authorization ?? "").trim();
    if (!key || !keys.has(key) || revoked.has(key)) {
      return json(401, { errors: [{ message: "Authentication required, not authenticated", extensions: { type: "authentication error", code: "AUTHENTICATION_ERROR", statusCode: 401, userPresentableMessage: "You need to authenticate to access this operation." } }] });
    }
    const body = parseJson(req.body) as { query?: unknown; variables?: Record<string, unknown> } | undefined;
    if (typeof body?.query !== "string") return json(400, { errors: [{ message: "Must provide query string.", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] });
    let document;
    try {
      document = parse(body.query);
    } catch (err) {
      return json(400, { errors: [{ message: (err as Error).message, extensions: { code: "GRAPHQL_PARSE_FAILED" } }] });
    }
    // Executed without validation: the SDK's fragments ask for many fields outside this subset, which are left out.
    const result = await execute({ schema, document, rootValue: root, variableValues: body.variables ?? {} });
    const errors = result.errors?.map((e) => ({ message: e.message, path: e.path, extensions: { code: "INVALID_INPUT", type: "invalid input", ...e.extensions } }));
    return json(errors?.length && !result.data ? 400 : 200, { data: result.data ?? null, ...(errors?.length ? { errors } : {}) });
  });

  return {
    ...server,
    apiUrl: `${server.origin}/graphql`,
    teamId,
    userIds: users.map((u) => u.id),
    issues,
    labels,
    states,
    addKey: (k) => void keys.add(k),
    revoke: (k) => void revoked.add(k),
    setStateType(id, type) {
      const issue = findIssue(id);
      issue.stateId = states.find((s) => s.type === type)!.id;
      issue.updatedAt = tick();
      return issue;
    },
    webhook(id, o) {
      const i = issueObj(findIssue(id));
      const rawBody = JSON.stringify({
        action: o.action ?? "update",
        type: "Issue",
        createdAt: i.updatedAt.toISOString(),
        organizationId: "5f9d6e51-0a3e-4f0c-9c3f-1b2a3c4d5e6f",
        url: i.url,
        data: { id: i.id, identifier: i.identifier, number: i.number, title: i.title, url: i.url, updatedAt: i.updatedAt.toISOString(), createdAt: i.createdAt.toISOString(), stateId: i.stateId, state: { id: i.state.id, name: i.state.name, type: i.state.type, color: i.state.color }, teamId, labelIds: i.labelIds },
        updatedFrom: { updatedAt: i.createdAt.toISOString() },
        webhookTimestamp: o.timestamp ?? Date.now(),
        webhookId: "3a5e4c1d-8f7b-4d2e-9c6a-0b1f2e3d4c5b",
      });
      return {
        rawBody,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "linear-delivery": o.delivery ?? randomUUID(),
          "linear-event": "Issue",
          "linear-signature": createHmac("sha256", o.secret).update(rawBody).digest("hex"),
          "user-agent": "Linear-Webhook",
        },
      };
    },
  };
}
