/** A member who can be mentioned. */
export interface Mentionable {
  userId: string;
  email: string;
  name: string | null;
}

const MENTION = /(?:^|[^\w.@])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g;

/**
 * The members a comment mentions: `@ada@example.com` (the address), `@ada` (the part of the address before
 * the @) or `@AdaLovelace` / `@ada.lovelace` (the name without spaces or with dots). Case-insensitive; a
 * token that names nobody is plain text.
 */
export function parseMentions(body: string, members: readonly Mentionable[]): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(MENTION)) {
    const token = m[1].replace(/[.]+$/, "").toLowerCase();
    if (!token) continue;
    for (const member of members) {
      const email = member.email.toLowerCase();
      const local = email.split("@")[0];
      const name = (member.name ?? "").toLowerCase();
      if (token === email || token === local || (name && (token === name.replace(/\s+/g, "") || token === name.replace(/\s+/g, ".")))) {
        found.add(member.userId);
      }
    }
  }
  return [...found];
}
