import { ServiceError } from "../errors";

// Turns what a user typed into the (scheme, host) a domain is stored as. A domain is an origin: a full URL keeps
// its origin (path, query and fragment dropped); credentials and odd numeric host spellings ("0x7f.1",
// "2130706433") are refused rather than silently reinterpreted. Messages are plain words for a person.

export interface NormalizedDomain {
  scheme: "http" | "https";
  /** lower-case host, IDN as punycode, with the port unless it is the scheme's default */
  host: string;
  /** the host without port or IPv6 brackets, for DNS lookups */
  hostname: string;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const DOTTED_QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function invalid(field: "hostname" | "url", message: string): ServiceError {
  return new ServiceError("invalid_params", `${field}: ${message}`, {
    issues: [{ code: "custom", path: [field], message, input: undefined }],
  });
}

function validHostname(hostname: string, typed: string): boolean {
  if (hostname.startsWith("[")) return hostname.endsWith("]");
  // WHATWG URL parsing turns "1.2.3" or "0x7f.1" into a dotted quad; accept only hosts typed that way.
  if (/^[0-9.]+$/.test(hostname) || /^\d+\.\d+\.\d+\.\d+$/.test(hostname)) {
    return DOTTED_QUAD.test(hostname) && typed.toLowerCase().includes(hostname);
  }
  if (hostname.length > 253) return false;
  const labels = hostname.split(".");
  if (!labels.every((l) => LABEL.test(l))) return false;
  if (labels.length === 1) return hostname === "localhost";
  // A numeric top-level label means a mangled IP address, never a real name.
  return !/^\d+$/.test(labels[labels.length - 1]);
}

function fromUrl(field: "hostname" | "url", raw: string, url: URL): NormalizedDomain {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw invalid(field, "Only http:// and https:// addresses can be scanned.");
  if (url.username || url.password) throw invalid(field, "Remove the user name and password from the address.");
  // A full address ("https://example.com/blog?x=1") names its site: keep the origin, drop the rest.
  const hostname = url.hostname.replace(/\.$/, "");
  if (!validHostname(hostname, raw)) throw invalid(field, `"${url.hostname}" is not a valid host name.`);
  const port = url.port;
  const host = port ? `${hostname}:${port}` : hostname;
  return { scheme: url.protocol === "http:" ? "http" : "https", host, hostname: hostname.replace(/^\[|\]$/g, "") };
}

/** `{ hostname: "example.com[:port]" }` (https implied) or `{ url: "http(s)://host[:port]" }`. */
export function normalizeDomainInput(input: { hostname?: string; url?: string }): NormalizedDomain {
  if (input.hostname !== undefined) {
    const raw = input.hostname.trim();
    if (!raw) throw invalid("hostname", "is empty.");
    if (/[\s/?#@\\]/.test(raw) || raw.includes("://")) {
      throw invalid("hostname", 'Enter a host name such as "example.com", or a full address such as "https://example.com".');
    }
    let url: URL;
    try {
      url = new URL(`https://${raw}`);
    } catch {
      throw invalid("hostname", `"${raw}" is not a valid host name.`);
    }
    return fromUrl("hostname", raw, url);
  }
  const raw = (input.url ?? "").trim();
  if (!/^https?:\/\//i.test(raw)) throw invalid("url", 'Enter an address starting with "http://" or "https://", such as "https://example.com".');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid("url", `"${raw}" is not a valid URL.`);
  }
  return fromUrl("url", raw, url);
}
