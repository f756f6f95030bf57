import { z } from "zod";
import { parsePrivateTargetAllowlist } from "@/lib/net/ssrf";

// Empty strings count as unset: `.env` files and CI matrices often export `FOO=` to mean "no value".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const flag = (fallback?: boolean) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? fallback : v),
    z.union([
      z.boolean(),
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.enum(["1", "0", "true", "false", "yes", "no", "on", "off"], { message: "expected 1/0, true/false, yes/no or on/off" }))
        .transform((s) => ["1", "true", "yes", "on"].includes(s)),
    ]).optional(),
  );

const url = (protocols: RegExp, what: string) =>
  z.url({ message: `must be a ${what} URL` }).refine((u) => protocols.test(new URL(u).protocol), { message: `must be a ${what} URL` });

const days = (fallback: number) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(36_500).default(fallback));

export const envSchema = z.object({
  NODE_ENV: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["development", "production", "test"]).default("development")),
  DATABASE_URL: optional(url(/^postgres(ql)?:$/, "postgresql://")),
  PLUMB_DATA_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().default(".plumb")),
  PLUMB_DB_POOL_MAX: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(500).default(10)),
  PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).default(3000)),
  // Interface `npm start` listens on (scripts/start.mjs applies the default: 127.0.0.1 embedded, 0.0.0.0 with
  // DATABASE_URL); validated here so that a typo stops the server with the others.
  HOST: optional(z.string().trim().regex(/^[0-9A-Za-z.:\-\[\]]+$/, { message: "must be an IP address or host name" })),
  NEXTAUTH_URL: optional(url(/^https?:$/, "http(s)://")),
  // Validated where it is used (lib/env/secrets.ts) so that its absence in production gets a precise message.
  NEXTAUTH_SECRET: optional(z.string()),
  PLUMB_ENCRYPTION_KEY: optional(z.string()),
  // The key being retired during a rotation: still read, never written (plumb admin rotate-encryption-key).
  PLUMB_ENCRYPTION_KEY_PREVIOUS: optional(z.string()),
  INNGEST_EVENT_KEY: optional(z.string()),
  INNGEST_SIGNING_KEY: optional(z.string()),
  // The SDK accepts "1" or the dev server's URL here.
  INNGEST_DEV: optional(z.string()),
  INNGEST_BASE_URL: optional(url(/^https?:$/, "http(s)://")),
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(url(/^https?:$/, "http(s)://")),
  // AI analysis of a scan (lib/ai): the model asked, what one analysis costs, how many an organization may
  // run per UTC day, and how long one model request may take (the SDK retries twice within its own budget).
  PLUMB_AI_MODEL: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).max(100).default("gpt-4o-mini")),
  PLUMB_AI_ANALYSIS_CREDITS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(1000).default(5)),
  PLUMB_AI_DAILY_QUOTA: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(100_000).default(50)),
  PLUMB_AI_TIMEOUT_SECONDS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(600).default(60)),
  PLUMB_ALLOW_PRIVATE_TARGETS: flag(false).transform(Boolean),
  // Exact origins allowed to be private while PLUMB_ALLOW_PRIVATE_TARGETS is off; matching rules live with the
  // parser in lib/net/ssrf.ts.
  PLUMB_PRIVATE_TARGET_ALLOWLIST: z.preprocess(
    (v) => (v === undefined ? "" : v),
    z.string().transform((v, ctx) => {
      try {
        return parsePrivateTargetAllowlist(v);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: `${(err as Error).message} (expected host:port or scheme://host:port, comma-separated)` });
        return z.NEVER;
      }
    }),
  ),
  // DNS servers for the TXT ownership proof ("ip" or "ip:port", comma-separated); unset: the system's.
  PLUMB_DNS_SERVERS: z.preprocess(
    (v) => (v === undefined ? "" : v),
    z
      .string()
      .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^(\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?|\[[0-9a-fA-F:]+\](:\d{1,5})?|[0-9a-fA-F:]+)$/, "expected an IP address, optionally with :port"))),
  ),
  // How long an Idempotency-Key claim whose request never finished (a crash mid-way) blocks retries.
  PLUMB_IDEMPOTENCY_LEASE_SECONDS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(86_400).default(60)),
  PLUMB_MONTHLY_FREE_CREDITS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).default(100)),
  // Requests per minute per API key (or per session user and organization).
  PLUMB_API_RATE_LIMIT_PER_MINUTE: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).default(600)),
  CHROME_PATH: optional(z.string()),
  // Retention, in days (lib/services/maintenance/retention.ts); the daily maintenance job purges older rows.
  PLUMB_AUDIT_RETENTION_DAYS: days(400),
  PLUMB_SCAN_DETAIL_RETENTION_DAYS: days(180),
  PLUMB_AUDIT_LEAD_RETENTION_DAYS: days(90),
  PLUMB_JOB_RUN_RETENTION_DAYS: days(30),
  PLUMB_ALERT_DELIVERY_RETENTION_DAYS: days(90),
  PLUMB_NOTIFICATION_RETENTION_DAYS: days(180),
  PLUMB_WEBHOOK_DELIVERY_RETENTION_DAYS: days(30),
  PLUMB_MAIL_RETENTION_DAYS: days(30),
  PLUMB_DELETION_GRACE_DAYS: days(14),
  // How long a report export stays downloadable; the daily maintenance job deletes expired files.
  PLUMB_EXPORT_EXPIRY_DAYS: days(7),
  // Scheduled reports: a file up to this size is attached to the e-mail; a bigger one is sent as a signed
  // download link valid until the export expires (many mail servers refuse messages over 10-25 MB).
  PLUMB_REPORT_MAIL_ATTACHMENT_MAX_MB: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().min(0).max(50).default(8)),
  // S3-compatible storage for exported files (lib/storage): set S3_BUCKET to use it (AWS, MinIO, R2, …).
  S3_BUCKET: optional(z.string().trim().min(3).max(63)),
  S3_REGION: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).default("us-east-1")),
  S3_ENDPOINT: optional(url(/^https?:$/, "http(s)://")),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  // Path-style URLs (endpoint/bucket/key), which MinIO and most self-hosted servers need; default on with S3_ENDPOINT.
  S3_FORCE_PATH_STYLE: flag(),
  S3_PREFIX: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).default("plumb/exports/")),
  // What this process runs: "all" (pages, API and background work: the default), "web" (pages and API only:
  // no job workers, no browser) or "worker" (background work only; `plumb worker` sets it).
  PLUMB_ROLE: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["all", "web", "worker"]).default("all")),
  // Scans running at once: per worker process in embedded mode, per app on Inngest.
  PLUMB_SCAN_CONCURRENCY: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(1000).default(4)),
  // Scans of one organization running at once (all processes together), so one tenant cannot starve the others.
  PLUMB_SCAN_CONCURRENCY_PER_ORG: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(1000).default(2)),
  // Pages a scan loads per job step (each batch is its own step, so no step outlives the platform's
  // function time limit; inngest/functions/scan-requested.ts).
  PLUMB_SCAN_PAGE_BATCH_SIZE: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(500).default(10)),
  // Port of the worker's own Inngest endpoint (Inngest mode, `plumb worker`).
  PLUMB_WORKER_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).default(3001)),
  // Outgoing mail (nodemailer). Unset: organization mail is listed to the organization's owners under
  // Settings -> Mail and personal mail (verification, password reset) goes to the server log only.
  SMTP_URL: optional(url(/^smtps?:$/, "smtp:// or smtps://")),
  // Sign-ups per client address per hour (each attempt counts, also with an e-mail that has an account).
  PLUMB_SIGN_UP_LIMIT_PER_HOUR: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).default(10)),
  PLUMB_MAIL_FROM: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(3).max(200).default("Plumb <plumb@localhost>")),
  // How long a sign-in lasts, in days (the session row's lifetime and the cookie's).
  PLUMB_SESSION_DAYS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(365).default(14)),
  // X-Forwarded-For hops added by proxies we run in front of the app; 0 = the socket address is the client.
  PLUMB_TRUSTED_PROXY_HOPS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(10).default(0)),
  // The name passkey prompts show for this site.
  PLUMB_WEBAUTHN_RP_NAME: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).max(64).default("Plumb")),
  // OAuth apps for connecting integrations (Settings -> Integrations). Unset: that provider connects with a
  // token only. Callback URL to register with the provider: <NEXTAUTH_URL>/api/v1/integrations/oauth/callback.
  PLUMB_GITHUB_OAUTH_CLIENT_ID: optional(z.string().trim().min(1).max(200)),
  PLUMB_GITHUB_OAUTH_CLIENT_SECRET: optional(z.string().trim().min(1).max(500)),
  PLUMB_GITLAB_OAUTH_CLIENT_ID: optional(z.string().trim().min(1).max(200)),
  PLUMB_GITLAB_OAUTH_CLIENT_SECRET: optional(z.string().trim().min(1).max(500)),
  // Minutes between polls of connected trackers (the fallback when a webhook is missed); 0 turns polling off.
  PLUMB_INTEGRATION_POLL_MINUTES: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(1440).default(15)),
  // Unset: on in embedded mode, off with DATABASE_URL (a production database gets no demo login by surprise).
  PLUMB_DEMO_SEED: flag(),
});

export type RawEnv = z.output<typeof envSchema>;
