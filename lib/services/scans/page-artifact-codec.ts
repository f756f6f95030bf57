import v8 from "node:v8";
import zlib from "node:zlib";
import type { DeviceName } from "@/lib/scanner/devices";
import type { PageArtifacts } from "@/lib/scanner/types";

// A page's artifacts travel from a gather batch step to the check step through the database
// (ScanPageArtifact). The structured-clone format keeps them exactly as the browser code built them
// (undefined, NaN and -0 included, which JSON would change); gzip because DOM facts and request lists compress
// tenfold. Written and read by this process's Node version; a row another version cannot read decodes to null
// and the page is gathered again (gather-scan-batch.ts).

/** A page's primary load and its loads as the scan's other device profiles (lib/scanner/devices.ts). */
export interface GatheredPage {
  page: PageArtifacts;
  devices: { device: DeviceName; page: PageArtifacts }[];
}

export function encodePageArtifacts(page: PageArtifacts, devices: GatheredPage["devices"] = []): Uint8Array<ArrayBuffer> {
  const gz = zlib.gzipSync(v8.serialize({ page, devices }));
  return new Uint8Array(gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.byteLength) as ArrayBuffer);
}

function isPage(v: unknown): v is PageArtifacts {
  if (!v || typeof v !== "object") return false;
  const p = v as Partial<PageArtifacts>;
  return typeof p.url === "string" && (typeof p.status === "number" || p.status === null) && Array.isArray(p.errors);
}

export function decodePageArtifacts(data: Uint8Array): GatheredPage | null {
  try {
    const value: unknown = v8.deserialize(zlib.gunzipSync(data));
    if (!value || typeof value !== "object") return null;
    const v = value as { page?: unknown; devices?: unknown };
    if (!isPage(v.page) || !Array.isArray(v.devices)) return null;
    const devices = v.devices.filter((d): d is GatheredPage["devices"][number] => !!d && typeof d === "object" && typeof (d as { device?: unknown }).device === "string" && isPage((d as { page?: unknown }).page));
    return { page: v.page, devices };
  } catch {
    return null;
  }
}
