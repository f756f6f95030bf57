// The largest request body /api/v1 accepts. Fixed rather than a setting: next.config.ts gives twice this number
// to Next.js as the most it buffers of a body for proxy.ts, and that is read at build time.
// Every JSON body the API takes is a few kilobytes; 1 MiB leaves room for bulk finding updates.
export const API_MAX_BODY_BYTES = 1_048_576;
