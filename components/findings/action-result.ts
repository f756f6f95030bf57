/** What a dashboard server action answers: success, or a message written for the person who acted. */
export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; error: string };
