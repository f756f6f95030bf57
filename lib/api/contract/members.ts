import { z } from "zod";
import { defineContract } from "../define-contract";
import { deletedSchema, idParam, paginationQuery, timestamp } from "../schemas/common";

export const memberRoleSchema = z.enum(["owner", "admin", "member", "viewer"]).meta({ id: "MemberRole" });

export const memberSchema = z
  .object({
    id: z.string().meta({ description: "The membership id (use it in PATCH/DELETE)." }),
    user_id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: memberRoleSchema,
    joined_at: timestamp,
  })
  .meta({ id: "Member" });

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: memberRoleSchema,
    expires_at: timestamp.nullable().meta({ description: "When the mailed link stops working (7 days after sending)." }),
    created_at: timestamp,
  })
  .meta({ id: "Invitation" });

export const organizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string().meta({ description: "Stays the same when the organization is renamed." }),
    require_two_factor: z.boolean(),
    credit_balance: z.number().int(),
    created_at: timestamp,
  })
  .meta({ id: "Organization" });

export const updateMemberBody = z.object({ role: memberRoleSchema }).strict();
export const createInvitationBody = z
  .object({ email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)), role: memberRoleSchema })
  .strict();
export const updateOrganizationBody = z.object({ name: z.string().trim().min(1).max(100) }).strict();

const permissions =
  "Owners and admins (API keys with `members:write` act as an admin: they cannot touch owners). Admins cannot " +
  "make or change owners; the last owner cannot be demoted or removed (409).";

export const listMembersContract = defineContract({
  id: "members.list",
  method: "GET",
  path: "/api/v1/members",
  summary: "List members",
  description: "Active members, owners first. Pending invitations are under GET /invitations.",
  tags: ["members"],
  auth: "key-or-session",
  scope: "members:read",
  query: paginationQuery,
  response: { kind: "list", item: memberSchema },
});

export const updateMemberContract = defineContract({
  id: "members.update",
  method: "PATCH",
  path: "/api/v1/members/{id}",
  summary: "Change a member's role",
  description: permissions,
  tags: ["members"],
  auth: "key-or-session",
  scope: "members:write",
  params: idParam,
  body: updateMemberBody,
  response: { kind: "json", schema: memberSchema },
  errors: ["conflict"],
});

export const removeMemberContract = defineContract({
  id: "members.remove",
  method: "DELETE",
  path: "/api/v1/members/{id}",
  summary: "Remove a member",
  description: permissions,
  tags: ["members"],
  auth: "key-or-session",
  scope: "members:write",
  params: idParam,
  response: { kind: "json", schema: deletedSchema },
  errors: ["conflict"],
});

export const listInvitationsContract = defineContract({
  id: "invitations.list",
  method: "GET",
  path: "/api/v1/invitations",
  summary: "List pending invitations",
  tags: ["members"],
  auth: "key-or-session",
  scope: "members:read",
  query: paginationQuery,
  response: { kind: "list", item: invitationSchema },
});

export const createInvitationContract = defineContract({
  id: "invitations.create",
  method: "POST",
  path: "/api/v1/invitations",
  summary: "Invite someone by e-mail",
  description: `Mails a single-use link valid for 7 days. An address already a member or invited answers 409. ${permissions}`,
  tags: ["members"],
  auth: "key-or-session",
  scope: "members:write",
  body: createInvitationBody,
  response: { kind: "json", schema: invitationSchema },
  status: 201,
  errors: ["conflict"],
});

export const revokeInvitationContract = defineContract({
  id: "invitations.revoke",
  method: "DELETE",
  path: "/api/v1/invitations/{id}",
  summary: "Withdraw a pending invitation",
  description: "Its link stops working. An id that is an active member (not an invitation) answers 404.",
  tags: ["members"],
  auth: "key-or-session",
  scope: "members:write",
  params: idParam,
  response: { kind: "json", schema: deletedSchema },
});

export const getOrganizationContract = defineContract({
  id: "organization.get",
  method: "GET",
  path: "/api/v1/organization",
  summary: "Get the organization",
  tags: ["organization"],
  auth: "key-or-session",
  scope: "members:read",
  response: { kind: "json", schema: organizationSchema },
});

export const updateOrganizationContract = defineContract({
  id: "organization.update",
  method: "PATCH",
  path: "/api/v1/organization",
  summary: "Rename the organization",
  description: "Owners and admins (or an API key with `members:write`). The slug stays, so saved links keep working.",
  tags: ["organization"],
  auth: "key-or-session",
  scope: "members:write",
  body: updateOrganizationBody,
  response: { kind: "json", schema: organizationSchema },
});
