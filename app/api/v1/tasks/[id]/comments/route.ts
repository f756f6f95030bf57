import { createTaskCommentContract, listTaskCommentsContract } from "@/lib/api/contract/collaboration";
import { serializeComment } from "@/lib/api/serializers/collaboration";
import { defineRoute } from "@/lib/http/define-route";
import { createComment } from "@/lib/services/comments/create-comment";
import { listComments } from "@/lib/services/comments/list-comments";

export const GET = defineRoute(listTaskCommentsContract, async ({ actor, params, query }) => {
  const rows = await listComments({ orgId: actor.orgId, target: { taskId: params.id }, limit: query.limit });
  return { items: rows.map(serializeComment), nextCursor: null };
});

export const POST = defineRoute(createTaskCommentContract, async ({ actor, params, body }) => {
  const c = await createComment(actor, { target: { taskId: params.id }, body: body.body });
  const [withAuthor] = (await listComments({ orgId: actor.orgId, target: { taskId: params.id }, limit: 500 })).filter((x) => x.id === c.id);
  return serializeComment(withAuthor ?? { ...c, author: null });
});
