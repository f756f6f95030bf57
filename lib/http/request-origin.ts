/**
 * The origin the client used. Next.js builds `req.url` from its own bind address ("localhost"), so the Host
 * header (or the proxy's X-Forwarded-Host/-Proto) is the truth for links we hand back.
 */
export function requestOrigin(req: Request): string {
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host")?.split(",")[0].trim() || req.headers.get("host") || url.host;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim() || url.protocol.replace(/:$/, "");
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
