import { env } from "@/lib/env";

/** An absolute link into this instance for e-mails: NEXTAUTH_URL when set, else http://localhost:$PORT. */
export function appUrl(path: string): string {
  const e = env();
  const base = e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`;
  return new URL(path, base.endsWith("/") ? base : `${base}/`).href;
}
