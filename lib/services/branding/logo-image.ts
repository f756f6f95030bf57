// Logos are checked by what the bytes are, never by the file name or the declared type. PNG, JPEG and WebP
// are accepted; SVG is refused outright (it is a document that can carry script and external references,
// and sanitising it safely is not worth a logo), as is anything else.
import { ServiceError } from "../errors";

export const MAX_LOGO_BYTES = 256 * 1024;
export type LogoMime = "image/png" | "image/jpeg" | "image/webp";

export function sniffImage(bytes: Uint8Array): LogoMime | "image/svg+xml" | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return "image/png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP") return "image/webp";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(b.subarray(0, 512)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg")) || head.includes("<svg")) return "image/svg+xml";
  return null;
}

/** The logo's type, or a 422 saying what is wrong with it. */
export function validateLogo(bytes: Uint8Array): LogoMime {
  if (bytes.length === 0) throw new ServiceError("invalid_params", "The logo file is empty.", { issues: [{ code: "custom", path: ["logo"], message: "Empty file." }] });
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new ServiceError("invalid_params", `The logo is ${Math.ceil(bytes.length / 1024)} KiB; the limit is ${MAX_LOGO_BYTES / 1024} KiB.`, {
      issues: [{ code: "too_big", path: ["logo"], message: `At most ${MAX_LOGO_BYTES} bytes.` }],
    });
  }
  const type = sniffImage(bytes);
  if (type === "image/svg+xml") {
    throw new ServiceError("invalid_params", "SVG logos are not accepted (they can carry scripts): upload a PNG, JPEG or WebP image.", {
      issues: [{ code: "custom", path: ["logo"], message: "SVG is refused." }],
    });
  }
  if (!type) {
    throw new ServiceError("invalid_params", "The logo is not a PNG, JPEG or WebP image.", { issues: [{ code: "custom", path: ["logo"], message: "Unknown image type." }] });
  }
  return type;
}
