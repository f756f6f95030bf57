import type { FindingInstance } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";

// Keyset over (lastSeenAt DESC, id DESC), the index FindingInstance_findingId_lastSeenAt_id_idx.
type Position = { lastSeenAt: string; id: string };

function encode(i: FindingInstance): string {
  return Buffer.from(JSON.stringify([i.lastSeenAt.toISOString(), i.id]), "utf8").toString("base64url");
}

function decode(cursor: string): Position {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string" && x.length > 0)) {
      const [lastSeenAt, id] = v as string[];
      if (!Number.isNaN(new Date(lastSeenAt).getTime())) return { lastSeenAt, id };
    }
  } catch {
    // fall through
  }
  throw new ServiceError("invalid_params", "cursor: not a cursor this API issued.");
}

/** A finding's instances (page, element or asset, snippet), newest first; another org's finding is 404. */
export async function listFindingInstances(
  input: { orgId: string; findingId: string; limit: number; cursor?: string },
  prisma?: Prisma,
): Promise<{ items: FindingInstance[]; nextCursor: string | null }> {
  const db = prisma ?? (await getPrisma());
  const finding = await db.finding.findFirst({ where: { id: input.findingId, organizationId: input.orgId }, select: { id: true } });
  if (!finding) throw new ServiceError("not_found", "Finding not found.");
  const pos = input.cursor ? decode(input.cursor) : null;
  const seen = pos ? new Date(pos.lastSeenAt) : null;
  const rows = await db.findingInstance.findMany({
    where: {
      findingId: finding.id,
      ...(pos && seen ? { OR: [{ lastSeenAt: { lt: seen } }, { lastSeenAt: seen, id: { lt: pos.id } }] } : {}),
    },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encode(last) : null };
}
