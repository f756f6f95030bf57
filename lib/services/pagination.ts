import { ServiceError } from "./errors";

// Keyset pagination over (createdAt DESC, id DESC): stable under inserts, no OFFSET scans. The cursor is
// opaque to clients (base64url of the last row's position) so its shape can change without breaking them.

export interface CursorPosition {
  createdAt: Date;
  id: string;
}

export function encodeCursor(pos: CursorPosition): string {
  return Buffer.from(JSON.stringify([pos.createdAt.toISOString(), pos.id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      const createdAt = new Date(parsed[0]);
      if (!Number.isNaN(createdAt.getTime()) && parsed[1].length > 0) return { createdAt, id: parsed[1] };
    }
  } catch {
    // fall through: any undecodable cursor is the client's error
  }
  throw new ServiceError("invalid_params", "cursor: not a cursor this API issued.", {
    issues: [{ path: ["query", "cursor"], message: "Invalid cursor", code: "custom" }],
  });
}

/**
 * Prisma `where` fragment selecting rows after the cursor in (createdAt DESC, id DESC) order. Written as
 * `createdAt <= c AND (createdAt < c OR id < i)` rather than the textbook `createdAt < c OR (createdAt = c AND
 * id < i)`: PostgreSQL cannot start an index range scan from an OR, so that form reads every row before the
 * cursor; here `createdAt <= c` is the scan's start and the OR only drops the cursor's own timestamp ties
 * (test/db/findings-indexes.pg.test.ts).
 */
export function afterCursor(cursor: string | undefined) {
  if (!cursor) return {};
  const { createdAt, id } = decodeCursor(cursor);
  return { AND: [{ createdAt: { lte: createdAt } }, { OR: [{ createdAt: { lt: createdAt } }, { id: { lt: id } }] }] };
}

/** The Prisma orderBy that matches afterCursor. */
export const cursorOrder = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/**
 * Cuts a page from rows fetched with `take: limit + 1`: the extra row only tells whether another page
 * exists. next_cursor is null on the last page.
 */
export function pageOf<T extends CursorPosition>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** One call for list services: `findMany` args for a page, and the cutter for its result. */
export function pageQuery(query: { limit: number; cursor?: string }) {
  return {
    where: afterCursor(query.cursor),
    orderBy: cursorOrder,
    take: query.limit + 1,
  };
}
