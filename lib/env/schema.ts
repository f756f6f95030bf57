import { z } from "zod";

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

export const envSchema = z.object({
  NODE_ENV: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["development", "production", "test"]).default("development")),
  DATABASE_URL: optional(url(/^postgres(ql)?:$/, "postgresql://")),
  PLUMB_DATA_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().default(".plumb")),
  PLUMB_DB_POOL_MAX: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(500).default(10)),
  PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).default(3000)),
  NEXTAUTH_URL: optional(url(/^https?:$/, "http(s)://")),
  // Validated where it is used (lib/env/secrets.ts) so that its absence in production gets a precise message.
  NEXTAUTH_SECRET: optional(z.string()),
  PLUMB_ENCRYPTION_KEY: optional(z.string()),
  INNGEST_EVENT_KEY: optional(z.string()),
  INNGEST_SIGNING_KEY: optional(z.string()),
  // The SDK accepts "1" or the dev server's URL here.
  INNGEST_DEV: optional(z.string()),
  INNGEST_BASE_URL: optional(url(/^https?:$/, "http(s)://")),
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(url(/^https?:$/, "http(s)://")),
  PLUMB_ALLOW_PRIVATE_TARGETS: flag(false).transform(Boolean),
  PLUMB_MONTHLY_FREE_CREDITS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).default(100)),
  // Requests per minute per API key (or per session user and organization).
  PLUMB_API_RATE_LIMIT_PER_MINUTE: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).default(600)),
  CHROME_PATH: optional(z.string()),
  // Unset: on in embedded mode, off with DATABASE_URL (a production database gets no demo login by surprise).
  PLUMB_DEMO_SEED: flag(),
});

export type RawEnv = z.output<typeof envSchema>;
