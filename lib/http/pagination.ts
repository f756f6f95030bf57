// Cursor pagination is a service concern (lib/services/pagination.ts); re-exported for route handlers.
export { afterCursor, cursorOrder, decodeCursor, encodeCursor, pageOf, pageQuery, type CursorPosition } from "@/lib/services/pagination";
