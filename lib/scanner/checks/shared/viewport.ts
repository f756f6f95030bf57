// Parses <meta name="viewport"> content the way browsers do: comma- (or semicolon-) separated key=value
// pairs, keys case-insensitive, unknown keys ignored.
export interface Viewport {
  width?: string;
  initialScale?: number;
  maximumScale?: number;
  userScalable?: string;
}

export function parseViewport(content: string): Viewport {
  const out: Viewport = {};
  for (const part of content.split(/[,;]/)) {
    const [rawKey, ...rest] = part.split("=");
    const key = rawKey.trim().toLowerCase();
    const value = rest.join("=").trim().replace(/^["']|["']$/g, "");
    if (!key) continue;
    if (key === "width") out.width = value.toLowerCase();
    else if (key === "initial-scale") out.initialScale = Number.parseFloat(value);
    else if (key === "maximum-scale") out.maximumScale = Number.parseFloat(value);
    else if (key === "user-scalable") out.userScalable = value.toLowerCase();
  }
  return out;
}

/** Why the viewport prevents pinch-zoom, or null when it allows it (axe meta-viewport's criteria). */
export function zoomBlockReason(content: string): string | null {
  const vp = parseViewport(content);
  // Browsers treat "no", "0" and any number in (-1, 1) as disabling user scaling.
  if (vp.userScalable !== undefined) {
    const n = Number.parseFloat(vp.userScalable);
    if (vp.userScalable === "no" || vp.userScalable === "false" || (!Number.isNaN(n) && n > -1 && n < 1)) {
      return `user-scalable=${vp.userScalable} disables zooming`;
    }
  }
  // WCAG 1.4.4 asks for 200% text resize; a maximum-scale below 2 caps zoom short of that.
  if (vp.maximumScale !== undefined && !Number.isNaN(vp.maximumScale) && vp.maximumScale < 2) {
    return `maximum-scale=${vp.maximumScale} limits zoom below 200%`;
  }
  return null;
}
